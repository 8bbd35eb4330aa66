import type { Queryable } from "../db/types.ts";

/**
 * Recomputes the stored daily rollup from the view. Call after anything that changes orders,
 * marketing or feedback (imports do). Plain refresh, not CONCURRENTLY: it runs inside the
 * import's flow, and a brief lock on a few hundred rows is cheaper than the unique-index diff.
 */
export async function refreshDailyRollup(db: Queryable): Promise<void> {
  await db.exec("refresh materialized view master_daily_rollup");
}
