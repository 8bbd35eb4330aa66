import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import type { DayRange } from "../kpis/range.ts";

export interface ZoneNegativeFeedback {
  zone: string;
  /** Negative reviews on the day. */
  count: number;
  /** Mean negative reviews per day over the norm window; null without a norm window. */
  dailyNorm: number | null;
}

/** Negative reviews per zone on `day` and their daily norm over `norm` (days before it). */
export async function zoneNegativeFeedback(
  db: Queryable,
  day: string,
  norm: DayRange | null,
): Promise<ZoneNegativeFeedback[]> {
  const { rows } = await db.query<{ zone: string; day_count: number; norm_count: number }>(
    sqlQuery("digest_zone_negative_feedback"),
    [day, norm?.from ?? day, norm?.to ?? day],
  );
  return rows.map((row) => ({
    zone: row.zone,
    count: Number(row.day_count),
    dailyNorm: norm ? Number(row.norm_count) / norm.days : null,
  }));
}
