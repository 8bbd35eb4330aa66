import type { Db } from "../db/types.ts";
import { refreshDailyRollup } from "../kpis/rollup.ts";
import { type ImportOptions, type ImportSummary, importDirectory } from "./import/index.ts";

/**
 * Imports a folder of CSV exports and brings derived data up to date (statistics, the daily KPI rollup),
 * so every command sees the new rows at once. The rollup is refreshed even when some files
 * failed: the files that loaded are committed and must show.
 */
export async function loadDataDirectory(
  db: Db,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary = await importDirectory(db, dir, options);
  // Fresh statistics: right after a bulk load the planner otherwise guesses, and picked nested
  // loops over area_zones that cost 10× (see sql/020_rag_index.sql).
  // Named tables only: a bare ANALYZE would visit every schema of a shared server database.
  await db.exec(
    "analyze customers, products, orders, order_items, marketing_performance, delivery_performance, customer_feedback, inventory, area_zones",
  );
  await refreshDailyRollup(db);
  return summary;
}

export async function hasOrders(db: Db): Promise<boolean> {
  const { rows } = await db.query("select 1 from orders limit 1");
  return rows.length > 0;
}
