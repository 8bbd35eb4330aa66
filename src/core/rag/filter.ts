import { addDays, daysBetweenInclusive } from "../kpis/range.ts";

/**
 * What retrieval narrows feedback to before ranking. Null means "no filter". Every rag query
 * takes these as its first five parameters, in this order (see rag_filtered_feedback in SQL).
 */
export interface FeedbackFilter {
  /** Canonical zone name as stored in area_zones ("South", "North-East"). */
  zone: string | null;
  /** area_key() values of the areas asked about. */
  areaKeys: string[] | null;
  /** Inclusive business days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  maxRating: number | null;
}

export const NO_FILTER: FeedbackFilter = {
  zone: null,
  areaKeys: null,
  from: null,
  to: null,
  maxRating: null,
};

export function filterParams(filter: FeedbackFilter): unknown[] {
  return [filter.zone, filter.areaKeys, filter.from, filter.to, filter.maxRating];
}

export function isUnfiltered(filter: FeedbackFilter): boolean {
  return filterParams(filter).every((value) => value === null);
}

/** The same filter over the period of equal length just before; null when there is no period. */
export function previousPeriodFilter(filter: FeedbackFilter): FeedbackFilter | null {
  if (!filter.from || !filter.to) return null;
  const days = daysBetweenInclusive(filter.from, filter.to);
  return { ...filter, from: addDays(filter.from, -days), to: addDays(filter.from, -1) };
}
