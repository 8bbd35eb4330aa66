import type { FeatureMatrix } from "./forest/matrix.ts";

/**
 * Everything the model may know about an order: what is fixed when it is placed, before
 * dispatch. Nothing from the delivery itself (actual time, distance, delay reason, status,
 * feedback) can reach the model, because this is the only input the feature builder reads.
 */
export interface PreDispatchOrder {
  /** 0–23, in the reporting time zone. */
  hourOfDay: number;
  /** 0 = Sunday … 6 = Saturday, in the reporting time zone (PostgreSQL `extract(dow)`). */
  dayOfWeek: number;
  /** The delivery area (the order's own area, else the customer's); null when unknown. */
  area: string | null;
  promisedMinutes: number;
}

/** The model's inputs as the seed names them; the artifact must list exactly these. */
export const MODEL_FEATURES = ["hour_of_day", "day_of_week", "area", "promised_duration_minutes"] as const;

/** Keys a training or prediction row may be read through; anything else is never touched. */
export const PRE_DISPATCH_KEYS = ["hour_of_day", "day_of_week", "area", "promised_minutes"] as const;

/** Picks the pre-dispatch fields out of a database row, reading no other column. */
export function preDispatchFromRow(row: Record<string, unknown>): PreDispatchOrder {
  const area = row.area;
  return {
    hourOfDay: Number(row.hour_of_day),
    dayOfWeek: Number(row.day_of_week),
    area: typeof area === "string" && area.trim() !== "" ? area : null,
    promisedMinutes: Number(row.promised_minutes),
  };
}

/**
 * How `area` becomes numbers. "target": one column holding the area's late rate in the training
 * split, shrunk towards the overall rate for small areas. "onehot": one 0/1 column per area with
 * enough orders, plus an "other" column. Either way an area never seen in training (or null)
 * falls into the "other" bucket: the overall rate, or the "other" column.
 */
export type AreaEncodingKind = "target" | "onehot";

export interface FeatureEncoding {
  kind: AreaEncodingKind;
  /** Normalised area key → late rate (target) or column offset among the area columns (onehot). */
  areas: Record<string, number>;
  /** Display name per key, as first seen in the data. */
  areaNames: Record<string, string>;
  /** Target: the overall late rate; onehot: the offset of the "other" column. */
  other: number;
}

export interface EncodingOptions {
  /** Orders an area needs for its own one-hot column (others share "other"). */
  minAreaOrders: number;
  /** Pseudo-orders at the overall rate added to each area's late rate (target encoding). */
  smoothing: number;
}

const DEFAULT_ENCODING_OPTIONS: EncodingOptions = { minAreaOrders: 30, smoothing: 20 };

/** Same normalisation as the SQL function `area_key`: trimmed, single spaces, lower case. */
export function areaKey(area: string): string {
  return area.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Learns the area encoding from training orders only (never from the hold-out). With
 * `weights`, the target encoding's late rates are weighted ones (an order weighing w counts as
 * w orders, smoothing included); one-hot columns still go to areas with enough actual orders.
 */
export function fitEncoding(
  orders: readonly PreDispatchOrder[],
  labels: ArrayLike<number>,
  kind: AreaEncodingKind,
  options: Partial<EncodingOptions> = {},
  weights?: ArrayLike<number>,
): FeatureEncoding {
  const { minAreaOrders, smoothing } = { ...DEFAULT_ENCODING_OPTIONS, ...options };
  const stats = new Map<string, { orders: number; weight: number; late: number }>();
  const areaNames: Record<string, string> = {};
  let late = 0;
  let all = 0;
  orders.forEach((order, i) => {
    const weight = weights ? (weights[i] as number) : 1;
    const isLate = labels[i] === 1 ? weight : 0;
    all += weight;
    late += isLate;
    if (order.area === null) return;
    const key = areaKey(order.area);
    areaNames[key] ??= order.area.trim();
    const entry = stats.get(key) ?? { orders: 0, weight: 0, late: 0 };
    entry.orders++;
    entry.weight += weight;
    entry.late += isLate;
    stats.set(key, entry);
  });
  const overall = all === 0 ? 0 : late / all;
  const areas: Record<string, number> = {};
  if (kind === "target") {
    for (const [key, s] of stats) areas[key] = (s.late + smoothing * overall) / (s.weight + smoothing);
    return { kind, areas, areaNames, other: overall };
  }
  const columns = [...stats.entries()]
    .filter(([, s]) => s.orders >= minAreaOrders)
    .sort(([a, sa], [b, sb]) => sb.orders - sa.orders || a.localeCompare(b));
  columns.forEach(([key], offset) => {
    areas[key] = offset;
  });
  return { kind, areas, areaNames, other: columns.length };
}

/** Column names of the encoded matrix, in order; stored in the artifact and checked on load. */
export function featureColumns(encoding: FeatureEncoding): string[] {
  const base = ["hour_of_day", "day_of_week", "promised_duration_minutes"];
  if (encoding.kind === "target") return [...base, "area_late_rate"];
  const areaColumns = Object.entries(encoding.areas)
    .sort(([, a], [, b]) => a - b)
    .map(([key]) => `area=${encoding.areaNames[key] ?? key}`);
  return [...base, ...areaColumns, "area=other"];
}

export function isKnownArea(encoding: FeatureEncoding, area: string | null): boolean {
  return area !== null && areaKey(area) in encoding.areas;
}

/** The numeric row the forest sees for one order. */
export function encodeOrder(encoding: FeatureEncoding, order: PreDispatchOrder): Float64Array {
  checkOrder(order);
  const key = order.area === null ? undefined : areaKey(order.area);
  const known = key !== undefined && key in encoding.areas ? (encoding.areas[key] as number) : undefined;
  if (encoding.kind === "target") {
    return Float64Array.of(order.hourOfDay, order.dayOfWeek, order.promisedMinutes, known ?? encoding.other);
  }
  const row = new Float64Array(3 + encoding.other + 1);
  row[0] = order.hourOfDay;
  row[1] = order.dayOfWeek;
  row[2] = order.promisedMinutes;
  row[3 + (known ?? encoding.other)] = 1;
  return row;
}

export function encodeOrders(encoding: FeatureEncoding, orders: readonly PreDispatchOrder[]): FeatureMatrix {
  const nCols = featureColumns(encoding).length;
  const values = new Float64Array(orders.length * nCols);
  orders.forEach((order, i) => {
    values.set(encodeOrder(encoding, order), i * nCols);
  });
  return { nRows: orders.length, nCols, values };
}

function checkOrder(order: PreDispatchOrder): void {
  const { hourOfDay, dayOfWeek, promisedMinutes } = order;
  if (!Number.isInteger(hourOfDay) || hourOfDay < 0 || hourOfDay > 23) {
    throw new Error(`hour_of_day must be a whole hour 0–23, got ${hourOfDay}.`);
  }
  if (!Number.isInteger(dayOfWeek) || dayOfWeek < 0 || dayOfWeek > 6) {
    throw new Error(`day_of_week must be 0 (Sunday) to 6 (Saturday), got ${dayOfWeek}.`);
  }
  if (!Number.isFinite(promisedMinutes) || promisedMinutes <= 0) {
    throw new Error(`promised_duration_minutes must be a positive number, got ${promisedMinutes}.`);
  }
}
