import type { Db } from "../../../src/core/db/types.ts";
import { refreshDailyRollup } from "../../../src/core/kpis/rollup.ts";

export interface DaysSpec {
  from: string;
  to: string;
  /** Orders per day, ₹1,000 each, placed at noon IST with a 15-minute promise. */
  orders: number;
  /** Of those, how many arrive 10 minutes late (the rest 5 minutes early). */
  late: number;
  /** Marketing spend per day. */
  spend: number;
  /** Reviews rated 1 per day, on that day's orders. */
  negative: number;
  /** Customer area of the day's orders (Bengaluru maps to the South zone). */
  area?: string;
}

/** Bulk-inserts identical days with set-based SQL, so a two-week history costs a few statements. */
export async function seedDays(db: Db, spec: DaysSpec): Promise<void> {
  const customer = `c-${spec.area ?? "Bengaluru"}`;
  await db.query(
    "insert into customers (customer_id, area) values ($1, $2) on conflict (customer_id) do nothing",
    [customer, spec.area ?? "Bengaluru"],
  );
  await db.query(
    `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time, delivery_status, order_total)
     select format('o-%s-%s-%s', $1::text, d::date, i), $1,
            (d::date + time '12:00') at time zone 'Asia/Kolkata',
            (d::date + time '12:15') at time zone 'Asia/Kolkata',
            (d::date + case when i <= $5 then time '12:25' else time '12:10' end) at time zone 'Asia/Kolkata',
            'Delivered', 1000
     from generate_series($2::date, $3::date, interval '1 day') d, generate_series(1, $4::int) i`,
    [customer, spec.from, spec.to, spec.orders, spec.late],
  );
  await db.query(
    `insert into marketing_performance (campaign_id, date, spend, revenue_generated)
     select format('m-%s', $1::text), d::date, $4, 0
     from generate_series($2::date, $3::date, interval '1 day') d`,
    [customer, spec.from, spec.to, spec.spend],
  );
  await db.query(
    `insert into customer_feedback (feedback_id, order_id, customer_id, rating, feedback_text, feedback_date)
     select format('f-%s-%s-%s', $1::text, d::date, i), format('o-%s-%s-%s', $1::text, d::date, i), $1, 1,
            'late again', d::date
     from generate_series($2::date, $3::date, interval '1 day') d, generate_series(1, $4::int) i`,
    [customer, spec.from, spec.to, spec.negative],
  );
  await refreshDailyRollup(db);
}

/** Empties the tables seedDays fills, so one migrated database serves a whole describe block. */
export async function clearData(db: Db): Promise<void> {
  await db.exec(
    "truncate customer_feedback, delivery_performance, order_items, orders, customers, marketing_performance cascade",
  );
  await refreshDailyRollup(db);
}
