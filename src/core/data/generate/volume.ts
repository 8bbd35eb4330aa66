import { weekday } from "./calendar.ts";
import type { ResolvedOptions } from "./options.ts";
import { Rng } from "./rng.ts";

/** Sunday … Saturday order volume: weekends are the busiest days for quick commerce. */
const WEEKDAY_VOLUME: readonly number[] = [1.22, 0.9, 0.88, 0.92, 0.96, 1.05, 1.18];

/** Orders by hour of day: a breakfast peak, a lull, a long evening peak and some late-night cravings. */
export const HOUR_VOLUME: readonly number[] = [
  1.2, 0.6, 0.3, 0.2, 0.2, 0.5, 1.5, 3.5, 5.5, 6, 5, 4.2, 4.2, 4, 3.4, 3.3, 3.8, 5, 6.5, 7.5, 7.5, 6.5, 4.5,
  2.5,
];

/** The period grows this much from its first to its last day. */
const GROWTH = 0.5;
const DAILY_NOISE = 0.07;

/**
 * How many orders fall on each day of the period, summing exactly to `orders`: gentle growth,
 * weekly seasonality and a little day-to-day noise. `lastDayFactor` shrinks the last day
 * (the planted sales drop) before the total is shared out.
 */
export function dailyOrderCounts(o: ResolvedOptions, lastDayFactor: number): Int32Array {
  const rng = new Rng(o.seed, "daily-volume");
  const weights = new Float64Array(o.days);
  for (let i = 0; i < o.days; i++) {
    const day = o.startDay + i;
    const trend = 1 + GROWTH * (o.days === 1 ? 1 : i / (o.days - 1));
    const noise = rng.logNormal(DAILY_NOISE);
    // The last day is left noise-free so the planted drop is the only thing moving it.
    weights[i] = trend * (WEEKDAY_VOLUME[weekday(day)] ?? 1) * (i === o.days - 1 ? lastDayFactor : noise);
  }
  return apportion(weights, o.orders);
}

/** Largest-remainder rounding: integer shares of `total` proportional to `weights`. */
export function apportion(weights: Float64Array, total: number): Int32Array {
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = new Int32Array(weights.length);
  const remainders: { index: number; rest: number }[] = [];
  let assigned = 0;
  weights.forEach((w, i) => {
    const exact = (w / sum) * total;
    const whole = Math.floor(exact);
    counts[i] = whole;
    assigned += whole;
    remainders.push({ index: i, rest: exact - whole });
  });
  remainders.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let k = 0; k < total - assigned; k++) {
    const r = remainders[k] as { index: number };
    counts[r.index] = (counts[r.index] ?? 0) + 1;
  }
  return counts;
}
