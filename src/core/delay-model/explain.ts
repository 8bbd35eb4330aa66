import type { PreDispatchOrder } from "./features.ts";

/** One input's push on the risk, versus a typical order. */
export interface Contribution {
  feature: "hour" | "day" | "area" | "promise";
  /** Change in late probability (0.18 = +18 percentage points). */
  delta: number;
  /** What the input is, in words: "Late-evening slot (9 pm)". */
  description: string;
  /** Description with the push: "Late-evening slot (9 pm) (+18 pts)". */
  text: string;
}

export const DAY_NAMES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

/** Probability of an order being late under some model (one area, or a zone's volume-weighted mix). */
export type RiskFunction = (order: PreDispatchOrder) => number;

type Feature = Contribution["feature"];

const substitute: Record<Feature, (order: PreDispatchOrder, typical: PreDispatchOrder) => PreDispatchOrder> =
  {
    hour: (order, typical) => ({ ...order, hourOfDay: typical.hourOfDay }),
    day: (order, typical) => ({ ...order, dayOfWeek: typical.dayOfWeek }),
    area: (order, typical) => ({ ...order, area: typical.area }),
    promise: (order, typical) => ({ ...order, promisedMinutes: typical.promisedMinutes }),
  };

/**
 * How much each input moves the risk: the prediction minus the average prediction when that one
 * input is replaced by the value of each reference (typical) order, the rest kept. Largest push first.
 */
export function explainRisk(
  risk: RiskFunction,
  order: PreDispatchOrder,
  reference: readonly PreDispatchOrder[],
  describe: Partial<Record<Feature, string>> = {},
): Contribution[] {
  if (reference.length === 0) return [];
  const probability = risk(order);
  const medianPromise = median(reference.map((r) => r.promisedMinutes));
  const features: Feature[] = ["hour", "day", "area", "promise"];
  return features
    .map((feature) => {
      let sum = 0;
      for (const typical of reference) sum += risk(substitute[feature](order, typical));
      const delta = probability - sum / reference.length;
      const description = describe[feature] ?? describeInput(feature, order, medianPromise);
      return { feature, delta, description, text: `${description} (${formatPoints(delta)})` };
    })
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

function describeInput(feature: Feature, order: PreDispatchOrder, medianPromise: number): string {
  switch (feature) {
    case "hour":
      return `${partOfDay(order.hourOfDay)} slot (${formatHour(order.hourOfDay)})`;
    case "day":
      return DAY_NAMES[order.dayOfWeek] ?? `Day ${order.dayOfWeek}`;
    case "area":
      return order.area ?? "Unknown area";
    case "promise": {
      const minutes = `${Math.round(order.promisedMinutes)}-min promise`;
      if (order.promisedMinutes < 0.8 * medianPromise) return `Tight ${minutes}`;
      if (order.promisedMinutes > 1.2 * medianPromise) return `Generous ${minutes}`;
      return `Usual ${minutes}`;
    }
  }
}

export function partOfDay(hour: number): string {
  if (hour < 6) return "Night";
  if (hour < 11) return "Morning";
  if (hour < 16) return "Midday";
  if (hour < 19) return "Evening";
  return "Late-evening";
}

/** 0 → "12 am", 13 → "1 pm". */
export function formatHour(hour: number): string {
  const suffix = hour < 12 ? "am" : "pm";
  return `${hour % 12 === 0 ? 12 : hour % 12} ${suffix}`;
}

/** +0.183 → "+18 pts"; tiny pushes show one decimal so they don't read as exactly zero. */
export function formatPoints(delta: number): string {
  const points = delta * 100;
  const sign = points >= 0 ? "+" : "−";
  const magnitude = Math.abs(points);
  return `${sign}${magnitude < 1 ? magnitude.toFixed(1) : Math.round(magnitude)} pts`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
