/** A reporting period: the last N days up to the latest data day, or explicit dates. */
export type RangeSpec = { kind: "last"; days: number } | { kind: "between"; from: string; to: string };

/** A resolved, inclusive range of business days (ISO dates). */
export interface DayRange {
  from: string;
  to: string;
  days: number;
}

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** True for a real calendar date in ISO form (rejects 2024-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/**
 * "Last N days" counts back from the latest day that has data, not from today: exports are
 * often historical, and an empty window would help nobody.
 */
export function resolveRange(spec: RangeSpec, latestDataDay: string): DayRange {
  if (spec.kind === "between") {
    return { from: spec.from, to: spec.to, days: daysBetweenInclusive(spec.from, spec.to) };
  }
  return { from: addDays(latestDataDay, -(spec.days - 1)), to: latestDataDay, days: spec.days };
}

/** The period of equal length immediately before `range`, for deltas. */
export function previousRange(range: DayRange): DayRange {
  const to = addDays(range.from, -1);
  return { from: addDays(to, -(range.days - 1)), to, days: range.days };
}
