import type { Db } from "../../../src/core/db/types.ts";
import { createRandom } from "../../../src/core/delay-model/forest/random.ts";
import { type DelayModel, lateProbability } from "../../../src/core/delay-model/model.ts";

export const SEED_AREAS = ["Delhi", "Mumbai", "HSR Layout", "Pune", "Kolkata"] as const;

/**
 * Delivered orders with planted lateness: evenings (19–23 h), HSR Layout, tight promises
 * (≤ 12 min) and weekends are late more often. Times are laid out in Asia/Kolkata (UTC+5:30),
 * one order per slot walking forward, so the latest orders are the hold-out.
 * Every order also gets a delivery_performance row and feedback, for the leakage tests.
 * With `signal: false` lateness is a coin flip at 30 %, whatever the features say.
 */
export async function seedDelayOrders(db: Db, orders = 1500, seed = 1, signal = true): Promise<void> {
  const random = createRandom(seed);
  await db.query(
    "insert into customers (customer_id, customer_name, area) select 'C' || i, 'Customer ' || i, a from unnest($1::text[]) with ordinality as t (a, i)",
    [[...SEED_AREAS]],
  );
  const ids: string[] = [];
  const customers: string[] = [];
  const placed: string[] = [];
  const promised: string[] = [];
  const actual: string[] = [];
  const start = Date.UTC(2026, 0, 5) - 5.5 * 3600_000; // Monday 5 January 2026, 00:00 in Kolkata
  for (let i = 0; i < orders; i++) {
    const areaIndex = Math.floor(random() * SEED_AREAS.length);
    const day = Math.floor((i * 60) / orders);
    const hour = 7 + Math.floor(random() * 17);
    const minute = Math.floor(random() * 60);
    const localStart = start + (day * 24 + hour) * 3600_000 + minute * 60_000;
    const weekday = (1 + day) % 7;
    const promise = [10, 12, 15, 20, 30][Math.floor(random() * 5)] as number;
    const z =
      -1.6 +
      (hour >= 19 ? 1.4 : 0) +
      (SEED_AREAS[areaIndex] === "HSR Layout" ? 1.1 : 0) +
      (promise <= 12 ? 0.9 : 0) +
      (weekday === 0 || weekday === 6 ? 0.4 : 0);
    const late = random() < (signal ? 1 / (1 + Math.exp(-z)) : 0.3);
    const promisedAt = localStart + promise * 60_000;
    const actualAt = promisedAt + (late ? 1 + Math.floor(random() * 20) : -Math.floor(random() * 5)) * 60_000;
    ids.push(`O${String(i).padStart(6, "0")}`);
    customers.push(`C${areaIndex + 1}`);
    placed.push(new Date(localStart).toISOString());
    promised.push(new Date(promisedAt).toISOString());
    actual.push(new Date(actualAt).toISOString());
  }
  await db.query(
    `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time,
       delivery_status, order_total)
     select id, c, p::timestamptz, pr::timestamptz, a::timestamptz,
       case when a::timestamptz > pr::timestamptz then 'Slightly Delayed' else 'On Time' end, 500
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as t (id, c, p, pr, a)`,
    [ids, customers, placed, promised, actual],
  );
  await db.query(
    `insert into delivery_performance (order_id, promised_time, actual_time, distance_km, delivery_status, reasons_if_delayed)
     select order_id, promised_delivery_time, actual_delivery_time, 2.5, delivery_status,
       case when delivery_status = 'On Time' then null else 'Traffic' end
     from orders`,
  );
  await db.query(
    `insert into customer_feedback (feedback_id, order_id, customer_id, rating, feedback_text, sentiment)
     select 'F' || order_id, order_id, customer_id, 3, 'ok', 'Neutral' from orders`,
  );
}

/** Late probability over a grid of slots in one area: how late the model thinks the area runs. */
export function areaRisk(model: DelayModel, area: string): number {
  let sum = 0;
  let n = 0;
  for (const hourOfDay of [9, 13, 17, 21]) {
    for (const dayOfWeek of [1, 3, 6]) {
      for (const promisedMinutes of [10, 20, 30]) {
        sum += lateProbability(model, { area, hourOfDay, dayOfWeek, promisedMinutes });
        n++;
      }
    }
  }
  return sum / n;
}
