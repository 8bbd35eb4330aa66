import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AREAS } from "./areas.ts";
import { isoDate, isoDateTime, type LocalTime, usDateTime, weekday } from "./calendar.ts";
import type { Product } from "./catalog.ts";
import { CsvWriter } from "./csv-writer.ts";
import type { CustomerBase } from "./customers.ts";
import { draftFeedback } from "./feedback.ts";
import type { ActiveIncident, Cause } from "./incidents.ts";
import {
  areaEffects,
  dailyConditions,
  lateProbability,
  minutesLate,
  PROMISE_WEIGHTS,
  PROMISED_MINUTES,
  rushHourCities,
} from "./lateness.ts";
import { BLINKIT_FILES, FEEDBACK_CAUSES_FILE, rupees } from "./layout.ts";
import type { ResolvedOptions } from "./options.ts";
import { Rng, WeightedTable } from "./rng.ts";
import { apportion, dailyOrderCounts, HOUR_VOLUME } from "./volume.ts";

const PAYMENT_METHODS = new WeightedTable(["UPI", "Card", "Cash", "Wallet"], [0.45, 0.22, 0.18, 0.15]);
const ITEMS_PER_ORDER = new WeightedTable([1, 2, 3, 4, 5, 6, 7], [0.22, 0.24, 0.2, 0.15, 0.1, 0.06, 0.03]);
const QUANTITY = new WeightedTable([1, 2, 3], [0.7, 0.22, 0.08]);
const HOURS = new WeightedTable(
  HOUR_VOLUME.map((_, h) => h),
  HOUR_VOLUME,
);
const PROMISES = new WeightedTable(PROMISED_MINUTES, PROMISE_WEIGHTS);
const DELAY_REASONS = new WeightedTable(
  ["Traffic", "Weather", "Rider unavailable", "Store delay", "Address not found", "High order volume"],
  [0.3, 0.12, 0.18, 0.15, 0.08, 0.17],
);
/** Cancellations are rare and a little more common when the slot is congested. */
const CANCEL_BASE = 0.018;
const CANCEL_PER_RISK = 0.025;
/** A healthy rider handles roughly this many orders a day; a dark store this many. */
const ORDERS_PER_RIDER_DAY = 6;
const ORDERS_PER_STORE_DAY = 60;

export interface OrderTotals {
  orders: number;
  orderItems: number;
  delivery: number;
  feedback: number;
}

interface Slot {
  second: number;
  area: number;
}

/**
 * Writes orders, their items, delivery performance and feedback day by day. Only one day's
 * orders are ever held in memory; every file is streamed with backpressure.
 */
export async function writeOrderFiles(
  o: ResolvedOptions,
  catalog: readonly Product[],
  customers: CustomerBase,
  incidents: readonly ActiveIncident[],
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<OrderTotals> {
  const drop = incidents.find((i) => i.incident.kind === "sales_drop");
  const dropFactor = drop?.incident.effects.orderVolumeFactor ?? 1;
  const dropShare = drop ? shareOf(drop.areaIndexes) : 0;
  const counts = dailyOrderCounts(o, 1 - (1 - dropFactor) * dropShare);
  const baseAreaTable = new WeightedTable(
    AREAS.map((_, i) => i),
    AREAS.map((a) => a.weight),
  );
  const effects = areaEffects(o.seed);
  const rushHour = rushHourCities();
  const products = new WeightedTable(
    catalog,
    catalog.map((p) => p.popularity),
  );
  const ordersPerDay = o.orders / o.days;
  const pools = AREAS.map((a) => {
    const share = a.weight / totalWeight();
    return {
      riders: Math.max(3, Math.round((share * ordersPerDay) / ORDERS_PER_RIDER_DAY)),
      stores: Math.min(99, Math.max(1, Math.round((share * ordersPerDay) / ORDERS_PER_STORE_DAY))),
    };
  });

  const out = {
    orders: await CsvWriter.open(join(outDir, BLINKIT_FILES.orders.file), BLINKIT_FILES.orders.header),
    items: await CsvWriter.open(join(outDir, BLINKIT_FILES.orderItems.file), BLINKIT_FILES.orderItems.header),
    delivery: await CsvWriter.open(join(outDir, BLINKIT_FILES.delivery.file), BLINKIT_FILES.delivery.header),
    feedback: await CsvWriter.open(join(outDir, BLINKIT_FILES.feedback.file), BLINKIT_FILES.feedback.header),
  };

  let orderNumber = 0;
  let feedbackNumber = 0;
  // Feedback ids are small integers and only complaints are kept: ~1 MB at a million orders.
  const causes = new Map<Cause, number[]>();
  for (let d = 0; d < o.days; d++) {
    const day = o.startDay + d;
    const rng = new Rng(o.seed, "day", day);
    const conditions = dailyConditions(o.seed, day);
    const dow = weekday(day);
    const todays = incidents.filter((i) => i.startDay <= day && day <= i.endDay && i.areaIndexes.size > 0);
    // On the sales-drop day cities get their exact expected share, so the planted drop is the
    // only zone-level change that day rather than one more random swing.
    const dropAreas = day === drop?.startDay ? droppedAreaCounts(drop, dropFactor, counts[d] ?? 0) : null;

    const slots: Slot[] = [];
    const time = () => HOURS.draw(rng) * 3600 + rng.int(0, 3599);
    if (dropAreas) {
      dropAreas.forEach((n, area) => {
        for (let k = 0; k < n; k++) slots.push({ second: time(), area });
      });
    } else {
      for (let k = 0; k < (counts[d] ?? 0); k++)
        slots.push({ second: time(), area: baseAreaTable.draw(rng) });
    }
    slots.sort((a, b) => a.second - b.second || a.area - b.area);

    for (const slot of slots) {
      const orderId = String(1_100_000_001 + orderNumber++);
      const areaInfo = AREAS[slot.area] as (typeof AREAS)[number];
      const customer = customers.pick(rng, slot.area, day);
      const customerId = customerIdOf(customer);

      // Basket: distinct products, so (order_id, product_id) stays a key.
      const basket: Product[] = [];
      const wanted = ITEMS_PER_ORDER.draw(rng);
      for (let tries = 0; basket.length < wanted && tries < wanted * 4; tries++) {
        const p = products.draw(rng);
        if (!basket.includes(p)) basket.push(p);
      }
      let totalPaise = 0;
      for (const p of basket) {
        const quantity = QUANTITY.draw(rng);
        totalPaise += quantity * p.pricePaise;
        await out.items.write([orderId, p.id, quantity, rupees(p.pricePaise)]);
      }

      const inScope = todays.filter((i) => i.areaIndexes.has(slot.area));
      const promised = PROMISES.draw(rng);
      const hour = Math.floor(slot.second / 3600);
      const risk = lateProbability({
        hour,
        weekday: dow,
        areaEffect: effects[slot.area] ?? 0,
        rushHourCity: rushHour[slot.area] === 1,
        promisedMinutes: promised,
        hiddenLogit:
          conditions[areaInfo.zone] + inScope.reduce((s, i) => s + i.incident.effects.lateLogitBoost, 0),
      });
      const cancelled = rng.chance(CANCEL_BASE + CANCEL_PER_RISK * risk);
      const late = !cancelled && rng.chance(risk);
      const lateBy = late ? minutesLate(rng, risk) : 0;

      const placed: LocalTime = { day, second: slot.second };
      const promisedAt: LocalTime = { day, second: slot.second + promised * 60 };
      const actualAt: LocalTime = {
        day,
        second: late
          ? promisedAt.second + lateBy * 60 + rng.int(0, 59)
          : slot.second + rng.int(Math.max(240, Math.round(promised * 27)), promised * 60),
      };
      const status = cancelled
        ? "Cancelled"
        : !late
          ? "On Time"
          : lateBy <= 10
            ? "Slightly Delayed"
            : "Significantly Delayed";
      const pool = pools[slot.area] as { riders: number; stores: number };
      const riderId = String(50_000 + slot.area * 1000 + rng.int(0, pool.riders - 1));
      const storeId = String(1_000 + slot.area * 100 + rng.int(0, pool.stores - 1));

      await out.orders.write([
        orderId,
        customerId,
        isoDateTime(placed),
        isoDateTime(promisedAt),
        cancelled ? null : isoDateTime(actualAt),
        status,
        rupees(totalPaise),
        PAYMENT_METHODS.draw(rng),
        riderId,
        storeId,
      ]);

      const distanceKm = 0.6 + 2.2 * rng.logNormal(0.45) + (lateBy > 10 ? rng.next() * 1.5 : 0);
      const reason = late
        ? inScope.some((i) => i.incident.effects.lateLogitBoost > 0) && rng.chance(0.6)
          ? rng.pick(["Weather", "Rider unavailable"])
          : DELAY_REASONS.draw(rng)
        : null;
      await out.delivery.write([
        orderId,
        riderId,
        usDateTime(promisedAt),
        cancelled ? null : usDateTime(actualAt),
        cancelled ? null : minuteOf(actualAt) - minuteOf(promisedAt),
        distanceKm.toFixed(2),
        status,
        reason,
      ]);

      if (cancelled) continue;
      customers.record(customer, totalPaise);
      const draft = draftFeedback(rng, {
        minutesLate: lateBy,
        incidents: inScope,
        text: {
          items: basket,
          minutesLate: lateBy,
          promisedMinutes: promised,
          minutesTaken: Math.round((actualAt.second - slot.second) / 60),
          area: areaInfo.name,
          rain: false,
        },
      });
      if (draft) {
        feedbackNumber++;
        if (draft.cause) {
          const ids = causes.get(draft.cause) ?? [];
          ids.push(feedbackNumber);
          causes.set(draft.cause, ids);
        }
        await out.feedback.write([
          String(feedbackNumber),
          orderId,
          customerId,
          draft.rating,
          draft.text,
          draft.category,
          draft.sentiment,
          isoDate(Math.min(o.endDay, day + draft.dayOffset)),
        ]);
      }
    }
    onProgress?.(orderNumber, o.orders);
  }

  for (const writer of Object.values(out)) await writer.close();
  await writeFile(join(outDir, FEEDBACK_CAUSES_FILE), `${JSON.stringify(Object.fromEntries(causes))}\n`);
  return {
    orders: out.orders.rows,
    orderItems: out.items.rows,
    delivery: out.delivery.rows,
    feedback: out.feedback.rows,
  };
}

export function customerIdOf(customer: number): string {
  return String(1_000_001 + customer);
}

function minuteOf(t: LocalTime): number {
  return t.day * 1440 + Math.floor(t.second / 60);
}

function totalWeight(): number {
  return AREAS.reduce((s, a) => s + a.weight, 0);
}

function shareOf(areaIndexes: ReadonlySet<number>): number {
  let share = 0;
  for (const i of areaIndexes) share += (AREAS[i]?.weight ?? 0) / totalWeight();
  return share;
}

function droppedAreaCounts(drop: ActiveIncident, factor: number, orders: number): Int32Array {
  const weights = Float64Array.from(AREAS, (a, i) => a.weight * (drop.areaIndexes.has(i) ? factor : 1));
  return apportion(weights, orders);
}
