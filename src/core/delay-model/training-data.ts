import { createHash } from "node:crypto";
import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { areaKey, type PreDispatchOrder, preDispatchFromRow } from "./features.ts";

/** Delivered orders, oldest first, split into what the model may see and the label. */
export interface TrainingSet {
  orderIds: string[];
  orderedAt: Date[];
  businessDays: string[];
  orders: PreDispatchOrder[];
  labels: Uint8Array;
}

interface TrainingRow {
  order_id: string;
  ordered_at: Date;
  business_day: string;
  hour_of_day: number;
  day_of_week: number;
  area: string | null;
  promised_minutes: number;
  is_late: boolean;
  [column: string]: unknown;
}

/** Orders from the `delay_orders` view, from business day `since` (YYYY-MM-DD) when given. */
export async function loadTrainingSet(db: Queryable, since: string | null = null): Promise<TrainingSet> {
  const { rows } = await db.query<TrainingRow>(sqlQuery("delay_training_rows"), [since]);
  return {
    orderIds: rows.map((r) => r.order_id),
    orderedAt: rows.map((r) => new Date(r.ordered_at)),
    businessDays: rows.map((r) => r.business_day),
    orders: rows.map((r) => preDispatchFromRow(r)),
    labels: Uint8Array.from(rows, (r) => (r.is_late ? 1 : 0)),
  };
}

export function sliceSet(set: TrainingSet, from: number, to: number): TrainingSet {
  return {
    orderIds: set.orderIds.slice(from, to),
    orderedAt: set.orderedAt.slice(from, to),
    businessDays: set.businessDays.slice(from, to),
    orders: set.orders.slice(from, to),
    labels: set.labels.slice(from, to),
  };
}

/** Fingerprint of exactly what training saw, so `model eval` can tell whether the data changed. */
export function hashTrainingSet(set: TrainingSet): string {
  const hash = createHash("sha256");
  set.orders.forEach((order, i) => {
    const area = order.area === null ? "" : areaKey(order.area);
    hash.update(
      `${set.orderIds[i]}\t${order.hourOfDay}\t${order.dayOfWeek}\t${area}\t${order.promisedMinutes}\t${set.labels[i]}\n`,
    );
  });
  return hash.digest("hex");
}
