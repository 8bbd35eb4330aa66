import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import type { Queryable } from "../../../../src/core/db/types.ts";

/**
 * Test-side arithmetic over the raw fixture files, written independently of the importer so
 * that "the import matches the CSV" compares two separate computations.
 */

export const FIXTURES = join(import.meta.dirname, "..", "..", "..", "fixtures", "import");

export function rawRows(dir: string, file: string): Record<string, string>[] {
  return parse(readFileSync(join(FIXTURES, dir, file), "utf8"), { columns: true, skip_empty_lines: true });
}

const IST_OFFSET_MS = 330 * 60_000;

/**
 * Epoch milliseconds of an Asia/Kolkata wall-clock reading written as `order` (day/month/year
 * positions) with separator `sep`; undefined when the text is not written that way.
 */
export function kolkataMs(text: string, order: "YMD" | "DMY" | "MDY", sep: "-" | "/"): number | undefined {
  const s = sep === "-" ? "-" : "/";
  const pattern =
    order === "YMD"
      ? new RegExp(`^(\\d{4})${s}(\\d{2})${s}(\\d{2})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?)?$`)
      : new RegExp(
          `^(\\d{1,2})${s}(\\d{1,2})${s}(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?)?$`,
        );
  const m = pattern.exec(text);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [y, mo, d] = order === "YMD" ? [a, b, c] : order === "DMY" ? [c, b, a] : [c, a, b];
  const seconds = Number(m[6] ?? 0);
  return Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0)) + seconds * 1000 - IST_OFFSET_MS;
}

export type Totals = {
  revenue: number;
  spend: number;
  orders: number;
  lateOrders: number;
  timedOrders: number;
};

/** Totals over the whole range of master_analytical_view, as `blinkit kpi` reports them. */
export async function viewTotals(db: Queryable): Promise<Totals> {
  const { rows } = await db.query<Totals>(
    `select coalesce(sum(revenue), 0) as revenue, coalesce(sum(spend), 0) as spend,
            coalesce(sum(orders), 0) as orders, coalesce(sum(late_orders), 0) as "lateOrders",
            coalesce(sum(timed_orders), 0) as "timedOrders"
     from master_analytical_view`,
  );
  const totals = rows[0];
  if (!totals) throw new Error("view returned no row");
  return totals;
}

/** Money summed in paise, so the expectation has no floating-point drift. */
export function rupees(values: string[]): number {
  return values.reduce((sum, v) => sum + Math.round(Number(v) * 100), 0) / 100;
}

export interface RawOrder {
  total: string;
  status: string;
  promised?: number;
  actual?: number;
}

/** The view's rules, restated: cancelled orders are not revenue; late means actual after promised. */
export function expectedOrderTotals(orders: RawOrder[], spend: string[]): Totals {
  const counted = orders.filter((o) => !/^cancel/i.test(o.status));
  const timed = counted.filter((o) => o.promised !== undefined && o.actual !== undefined);
  return {
    revenue: rupees(counted.map((o) => o.total)),
    spend: rupees(spend),
    orders: counted.length,
    lateOrders: timed.filter((o) => (o.actual ?? 0) > (o.promised ?? 0)).length,
    timedOrders: timed.length,
  };
}
