import type { Queryable } from "../db/types.ts";
import { type DayRange, previousRange, type RangeSpec, resolveRange } from "./range.ts";
import { type KpiSource, kpiQuery } from "./source.ts";

/** Additive sums over a period, straight from SQL. */
export interface KpiTotals {
  days: number;
  orders: number;
  cancelledOrders: number;
  revenue: number;
  spend: number;
  attributedRevenue: number;
  timedOrders: number;
  lateOrders: number;
  delayMinutesSum: number;
  feedbackCount: number;
  negativeFeedbackCount: number;
  ratingSum: number;
  ratedFeedbackCount: number;
  zeroSpendDays: number;
}

/** Ratios derived from the sums. Null where undefined (no spend, no orders…). */
export interface KpiMetrics extends KpiTotals {
  /** Total revenue / total spend over the period (ratio of sums). */
  roas: number | null;
  attributedRoas: number | null;
  avgOrderValue: number | null;
  /** Mean minutes past the promise over all delivered, timed orders (early = 0). */
  avgDelayMinutes: number | null;
  /** Mean minutes past the promise over late orders only. */
  avgDelayMinutesLate: number | null;
  lateRate: number | null;
  avgRating: number | null;
}

export interface KpiSummary {
  range: DayRange;
  previousRange: DayRange;
  current: KpiMetrics;
  previous: KpiMetrics;
  /** The data's own extent, so callers can say when a range falls outside it. */
  dataBounds: DataBounds;
}

export interface DailyKpi {
  day: string;
  orders: number;
  cancelledOrders: number;
  revenue: number;
  spend: number;
  attributedRevenue: number;
  roas: number | null;
  attributedRoas: number | null;
  avgOrderValue: number | null;
  avgDelayMinutesAllOrders: number | null;
  avgDelayMinutesLateOrders: number | null;
  lateRate: number | null;
  timedOrders: number;
  lateOrders: number;
  feedbackCount: number;
  negativeFeedbackCount: number;
  avgRating: number | null;
}

export interface DataBounds {
  firstDay: string | null;
  lastDay: string | null;
}

export interface KpiOptions {
  source?: KpiSource;
}

export async function dataBounds(db: Queryable, options: KpiOptions = {}): Promise<DataBounds> {
  const { rows } = await db.query<{ first_day: string | null; last_day: string | null }>(
    kpiQuery("kpis_data_bounds", options.source ?? "rollup"),
  );
  return { firstDay: rows[0]?.first_day ?? null, lastDay: rows[0]?.last_day ?? null };
}

export class NoDataError extends Error {
  constructor() {
    super("There is no order or marketing data loaded yet.");
    this.name = "NoDataError";
  }
}

/** Resolves a range spec against the data; throws NoDataError on an empty database. */
export async function resolveKpiRange(
  db: Queryable,
  spec: RangeSpec,
  options: KpiOptions = {},
): Promise<{ range: DayRange; bounds: DataBounds }> {
  const bounds = await dataBounds(db, options);
  if (!bounds.lastDay) throw new NoDataError();
  return { range: resolveRange(spec, bounds.lastDay), bounds };
}

export async function kpiTotals(
  db: Queryable,
  range: DayRange,
  options: KpiOptions = {},
): Promise<KpiMetrics> {
  const { rows } = await db.query<Record<string, number>>(
    kpiQuery("kpis_totals", options.source ?? "rollup"),
    [range.from, range.to],
  );
  const r = rows[0] ?? {};
  const n = (key: string): number => Number(r[key] ?? 0);
  return deriveMetrics({
    days: n("days"),
    orders: n("orders"),
    cancelledOrders: n("cancelled_orders"),
    revenue: n("revenue"),
    spend: n("spend"),
    attributedRevenue: n("attributed_revenue"),
    timedOrders: n("timed_orders"),
    lateOrders: n("late_orders"),
    delayMinutesSum: n("delay_minutes_sum"),
    feedbackCount: n("feedback_count"),
    negativeFeedbackCount: n("negative_feedback_count"),
    ratingSum: n("rating_sum"),
    ratedFeedbackCount: n("rated_feedback_count"),
    zeroSpendDays: n("zero_spend_days"),
  });
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

export function deriveMetrics(t: KpiTotals): KpiMetrics {
  return {
    ...t,
    roas: ratio(t.revenue, t.spend),
    attributedRoas: ratio(t.attributedRevenue, t.spend),
    avgOrderValue: ratio(t.revenue, t.orders),
    avgDelayMinutes: ratio(t.delayMinutesSum, t.timedOrders),
    avgDelayMinutesLate: ratio(t.delayMinutesSum, t.lateOrders),
    lateRate: ratio(t.lateOrders, t.timedOrders),
    avgRating: ratio(t.ratingSum, t.ratedFeedbackCount),
  };
}

/** KPIs for the range and for the previous period of equal length. */
export async function kpiSummary(
  db: Queryable,
  spec: RangeSpec,
  options: KpiOptions = {},
): Promise<KpiSummary> {
  const { range, bounds } = await resolveKpiRange(db, spec, options);
  const previous = previousRange(range);
  const [current, prior] = await Promise.all([
    kpiTotals(db, range, options),
    kpiTotals(db, previous, options),
  ]);
  return { range, previousRange: previous, current, previous: prior, dataBounds: bounds };
}

export async function dailyKpis(
  db: Queryable,
  range: DayRange,
  options: KpiOptions = {},
): Promise<DailyKpi[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    kpiQuery("kpis_daily", options.source ?? "rollup"),
    [range.from, range.to],
  );
  const num = (value: unknown): number => Number(value ?? 0);
  const opt = (value: unknown): number | null =>
    value === null || value === undefined ? null : Number(value);
  return rows.map((r) => ({
    day: String(r.day),
    orders: num(r.orders),
    cancelledOrders: num(r.cancelled_orders),
    revenue: num(r.revenue),
    spend: num(r.spend),
    attributedRevenue: num(r.attributed_revenue),
    roas: opt(r.roas),
    attributedRoas: opt(r.attributed_roas),
    avgOrderValue: opt(r.avg_order_value),
    avgDelayMinutesAllOrders: opt(r.avg_delay_minutes_all_orders),
    avgDelayMinutesLateOrders: opt(r.avg_delay_minutes_late_orders),
    lateRate: opt(r.late_rate),
    timedOrders: num(r.timed_orders),
    lateOrders: num(r.late_orders),
    feedbackCount: num(r.feedback_count),
    negativeFeedbackCount: num(r.negative_feedback_count),
    avgRating: opt(r.avg_rating),
  }));
}
