import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";
import { type FeedbackFilter, filterParams, previousPeriodFilter } from "../filter.ts";

/** Numbers the answer states about the business impact; all from SQL, never from the model. */
export interface Impact {
  complaints: number;
  /** Complaints in the period of equal length just before, for the trend; null without a period. */
  previousComplaints: number | null;
  complainers: number;
  /** Customers of the zone/areas asked about (all customers when no place was named). */
  placeCustomers: number;
  /** complainers / placeCustomers, null when the place has no customers on record. */
  complainerShare: number | null;
  /** Average order value and orders per month of the complaining customers (last 90 days). */
  avgOrderValue: number | null;
  monthlyOrdersPerCustomer: number | null;
  /** What the complaining customers spend per month: the revenue at risk if they leave. */
  monthlyRevenueAtRisk: number | null;
}

export async function measureImpact(db: Queryable, filter: FeedbackFilter): Promise<Impact> {
  const previousFilter = previousPeriodFilter(filter);
  const [current, previous, totals] = await Promise.all([
    countComplaints(db, filter),
    previousFilter ? countComplaints(db, previousFilter) : null,
    db.query<{
      complainers: number;
      place_customers: number;
      avg_order_value: number | null;
      monthly_orders_per_customer: number | null;
      monthly_revenue: number | null;
    }>(sqlQuery("rag_impact"), filterParams(filter)),
  ]);
  const row = totals.rows[0];
  const complainers = row?.complainers ?? 0;
  const placeCustomers = row?.place_customers ?? 0;
  return {
    complaints: current,
    previousComplaints: previous,
    complainers,
    placeCustomers,
    complainerShare: placeCustomers > 0 ? complainers / placeCustomers : null,
    avgOrderValue: row?.avg_order_value ?? null,
    monthlyOrdersPerCustomer: row?.monthly_orders_per_customer ?? null,
    monthlyRevenueAtRisk: row?.monthly_revenue ?? null,
  };
}

async function countComplaints(db: Queryable, filter: FeedbackFilter): Promise<number> {
  const { rows } = await db.query<{ feedback: number }>(sqlQuery("rag_filtered_count"), filterParams(filter));
  return rows[0]?.feedback ?? 0;
}
