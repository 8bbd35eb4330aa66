import { sqlQuery } from "../db/sql-files.ts";

/**
 * Where KPI queries read days from: the stored rollup (default, fast) or the live view (always
 * current, recomputed from raw rows on every query). Both have the same columns; the bench
 * compares them. The swap is of a fixed identifier, never of user input.
 */
export type KpiSource = "rollup" | "view";

export function kpiQuery(name: string, source: KpiSource): string {
  const text = sqlQuery(name);
  return source === "rollup" ? text : text.replaceAll("master_daily_rollup", "master_analytical_view");
}
