import type { Db } from "../../src/core/db/types.ts";
import { refreshDailyRollup } from "../../src/core/kpis/rollup.ts";

/**
 * Two weeks with round numbers (IST), so every KPI of "/roas 7d" is known by hand:
 *   previous week 1–7 Jul: one ₹1,000 order a day, ₹100 spend a day, each order 5 min late;
 *   current week 8–14 Jul: one ₹1,200 order a day, ₹150 spend a day, each order 10 min late.
 * → revenue ₹8,400 (▲ 20%), spend ₹1,050 (▲ 50%), ROAS 8.00× (▼ 20%), delay 10.0 min (▲ 100%).
 */
export async function seedTwoWeeks(db: Db): Promise<void> {
  await db.query("insert into customers (customer_id, area) values ('u1', 'HSR Layout')");
  for (let day = 1; day <= 14; day++) {
    const current = day > 7;
    const date = `2024-07-${String(day).padStart(2, "0")}`;
    await db.query(
      `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time,
                           delivery_status, order_total)
       values ($1, 'u1', ($2 || ' 12:00')::timestamp at time zone 'Asia/Kolkata',
               ($2 || ' 12:20')::timestamp at time zone 'Asia/Kolkata',
               ($2 || ' 12:20')::timestamp at time zone 'Asia/Kolkata' + make_interval(mins => $3),
               'Delayed', $4)`,
      [`o${day}`, date, current ? 10 : 5, current ? 1200 : 1000],
    );
    await db.query("insert into marketing_performance (campaign_id, date, spend) values ('c1', $1, $2)", [
      date,
      current ? 150 : 100,
    ]);
  }
  await refreshDailyRollup(db);
}
