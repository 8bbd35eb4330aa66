import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { DAY_NAMES } from "./explain.ts";
import { areaKey } from "./features.ts";
import { type DelayModel, lateProbability, type RiskBand, riskBand } from "./model.ts";
import { type ModelSummary, modelWarnings, summariseModel } from "./predict.ts";

export interface Hotspot {
  area: string;
  hourOfDay: number;
  probability: number;
  band: RiskBand;
  /** Orders this slot usually brings on this weekday. */
  ordersPerDay: number;
  typicalPromisedMinutes: number;
  /** probability × ordersPerDay: how many late orders to expect if nothing changes. */
  expectedLateOrders: number;
}

export interface HotspotReport {
  /** The business day asked about (YYYY-MM-DD). */
  date: string;
  dayOfWeek: number;
  dayName: string;
  hotspots: Hotspot[];
  /** Slots scored (those with enough history on this weekday). */
  slotsScored: number;
  model: ModelSummary;
  warnings: string[];
}

export interface HotspotOptions {
  /** How many slots to return (default 5). */
  limit?: number;
  /** Slots with fewer orders than this on this weekday, over all history, are skipped (default 5). */
  minOrders?: number;
  /** Only these areas (area keys): "the riskiest hours in Pune". */
  areaKeys?: readonly string[];
  /** Only this hour of the day: "which areas will be late at 9 pm?". */
  hourOfDay?: number;
}

/**
 * The riskiest area × hour slots for a day: every slot that usually has orders on that weekday,
 * scored at its typical promise, riskiest first (ties: busier first). Used by /delay-risk hotspots
 * and the morning digest.
 */
export async function delayHotspots(
  model: DelayModel,
  db: Queryable,
  date: string,
  options: HotspotOptions = {},
): Promise<HotspotReport> {
  const dayOfWeek = weekdayOf(date);
  const { rows } = await db.query<{
    area: string;
    hour_of_day: number;
    orders_per_day: number;
    typical_promised_minutes: number;
  }>(sqlQuery("delay_slot_volumes"), [dayOfWeek, options.minOrders ?? 5]);
  const wanted = options.areaKeys ? new Set(options.areaKeys) : null;
  const slots = rows.filter(
    (row) =>
      (!wanted || wanted.has(areaKey(row.area))) &&
      (options.hourOfDay === undefined || row.hour_of_day === options.hourOfDay),
  );
  const scored = slots.map((row): Hotspot => {
    const probability = lateProbability(model, {
      area: row.area,
      hourOfDay: row.hour_of_day,
      dayOfWeek,
      promisedMinutes: row.typical_promised_minutes,
    });
    return {
      area: row.area,
      hourOfDay: row.hour_of_day,
      probability,
      band: riskBand(model.metadata.riskBands, probability),
      ordersPerDay: row.orders_per_day,
      typicalPromisedMinutes: row.typical_promised_minutes,
      expectedLateOrders: probability * row.orders_per_day,
    };
  });
  scored.sort((a, b) => b.probability - a.probability || b.ordersPerDay - a.ordersPerDay);
  const warnings = modelWarnings(model);
  if (slots.length === 0) warnings.push(`No area has enough ${DAY_NAMES[dayOfWeek]} orders to score.`);
  return {
    date,
    dayOfWeek,
    dayName: DAY_NAMES[dayOfWeek] as string,
    hotspots: scored.slice(0, options.limit ?? 5),
    slotsScored: scored.length,
    model: summariseModel(model),
    warnings,
  };
}

/** 0 = Sunday for a calendar date written YYYY-MM-DD. */
export function weekdayOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const day = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) {
    throw new Error(`"${date}" is not a calendar date; write it as YYYY-MM-DD.`);
  }
  return day.getUTCDay();
}
