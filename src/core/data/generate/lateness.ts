import { AREAS, type Zone } from "./areas.ts";
import { Rng } from "./rng.ts";

/**
 * How likely an order is to arrive late, from what is known before dispatch (hour, weekday,
 * city, promised minutes) plus planted incidents and a daily "weather" term no feature can see.
 * The effects are log-odds; their spread is tuned so that a good model ranks late orders
 * with ROC-AUC around 0.75, not near-perfectly.
 */

/** The delivery promises the app makes, in minutes, and how often each is made. */
export const PROMISED_MINUTES: readonly number[] = [10, 15, 20, 30];
export const PROMISE_WEIGHTS: readonly number[] = [0.34, 0.3, 0.22, 0.14];

const INTERCEPT = -2.1;
/** Scales every observable effect; tuned so the best feature-only ranking has ROC-AUC ≈ 0.78. */
const SIGNAL = 1.2;

const PROMISE_EFFECT: Readonly<Record<number, number>> = { 10: 0.85, 15: 0.35, 20: -0.15, 30: -0.75 };

/** Midnight to 23:00: calm early morning, a breakfast bump, a bad evening peak, a worse late night. */
const HOUR_EFFECT: readonly number[] = [
  0.9, 0.95, 0.8, 0.5, 0.2, -0.4, -0.5, -0.3, 0.15, 0.25, 0.0, -0.25, -0.2, -0.3, -0.35, -0.3, -0.1, 0.2,
  0.55, 0.8, 0.85, 0.65, 0.75, 0.85,
];

/** Sunday … Saturday: weekends are busier and later. */
const WEEKDAY_EFFECT: readonly number[] = [0.4, -0.2, -0.25, -0.2, -0.1, 0.1, 0.35];

const ZONE_EFFECT: Readonly<Record<Zone, number>> = {
  North: 0.05,
  South: 0.2,
  East: 0.15,
  West: 0.05,
  Central: -0.35,
  "North-East": 0.5,
};

/** Cities whose traffic or rider supply makes them clearly better or worse than their zone. */
const CITY_EFFECT: Readonly<Record<string, number>> = {
  Bengaluru: 0.45,
  Mumbai: 0.35,
  Gurugram: 0.4,
  Guwahati: 0.3,
  Kolkata: 0.2,
  Delhi: 0.1,
  Chandigarh: -0.5,
  Indore: -0.3,
  Mysuru: -0.4,
  Pune: -0.15,
  Ahmedabad: -0.25,
  Coimbatore: -0.35,
};

/** Metros whose evening traffic hurts far more than their daytime: an hour × city interaction. */
const RUSH_HOUR_CITIES: ReadonlySet<string> = new Set([
  "Bengaluru",
  "Mumbai",
  "Gurugram",
  "Delhi",
  "Hyderabad",
  "Pune",
]);

/** Per city (indexed like AREAS): does its evening rush make deliveries much later? */
export function rushHourCities(): Uint8Array {
  return Uint8Array.from(AREAS, (a) => (RUSH_HOUR_CITIES.has(a.name) ? 1 : 0));
}

/** Per-city lateness log-odds, indexed like AREAS. */
export function areaEffects(seed: number): Float64Array {
  const rng = new Rng(seed, "area-lateness");
  return Float64Array.from(
    AREAS,
    (a) => ZONE_EFFECT[a.zone] + (CITY_EFFECT[a.name] ?? 0) + 0.15 * rng.normal(),
  );
}

/** Unobservable day-to-day conditions per zone (rain, strikes), shared by all orders of a zone that day. */
export function dailyConditions(seed: number, day: number): Readonly<Record<Zone, number>> {
  const rng = new Rng(seed, "conditions", day);
  const draw = () => 0.3 * rng.normal();
  return { North: draw(), South: draw(), East: draw(), West: draw(), Central: draw(), "North-East": draw() };
}

export interface LatenessInputs {
  hour: number;
  weekday: number;
  areaEffect: number;
  /** The order's city is one whose evening rush is much worse than its daytime. */
  rushHourCity: boolean;
  promisedMinutes: number;
  /** Everything the features cannot see: daily conditions and planted incidents. */
  hiddenLogit: number;
}

export function lateProbability(x: LatenessInputs): number {
  const observable =
    (HOUR_EFFECT[x.hour] ?? 0) +
    (WEEKDAY_EFFECT[x.weekday] ?? 0) +
    x.areaEffect +
    (PROMISE_EFFECT[x.promisedMinutes] ?? 0) +
    interactions(x);
  const logit = INTERCEPT + SIGNAL * observable + x.hiddenLogit;
  return 1 / (1 + Math.exp(-logit));
}

/**
 * Effects that only appear together, as congestion does: a weekend evening is worse than a
 * weekend plus an evening, a tight promise breaks mostly at peak hours, and some metros are
 * fine by day but jammed at night. Additive models miss these; tree ensembles can find them.
 */
function interactions(x: LatenessInputs): number {
  const evening = x.hour >= 18 && x.hour <= 22;
  const peak = evening || x.hour >= 23 || x.hour <= 1;
  const weekend = x.weekday === 0 || x.weekday === 6;
  return (
    (weekend && evening ? 0.35 : 0) +
    (peak && x.promisedMinutes <= 10 ? 0.4 : 0) +
    (x.rushHourCity ? (evening ? 0.45 : -0.2) : 0)
  );
}

/** Minutes past the promise for a late order: most are a few minutes, a long tail is much worse. */
export function minutesLate(rng: Rng, probability: number): number {
  // Riskier slots are late by more when they are late.
  const significant = rng.chance(0.3 + 0.4 * probability);
  if (!significant) return rng.int(1, 10);
  return Math.min(120, 11 + Math.floor(-Math.log(1 - rng.next()) * 12));
}
