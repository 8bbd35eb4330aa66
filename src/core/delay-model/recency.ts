const DAY_MS = 86_400_000;

/**
 * Exponential recency weights, 0.5^(age / halfLifeDays), with each order's age in days before
 * the newest order of the set: the newest weighs 1, one half-life earlier 0.5, two 0.25.
 */
export function recencyWeights(orderedAt: readonly Date[], halfLifeDays: number): Float64Array {
  checkHalfLife(halfLifeDays);
  let newest = Number.NEGATIVE_INFINITY;
  for (const at of orderedAt) newest = Math.max(newest, at.getTime());
  return Float64Array.from(orderedAt, (at) => 0.5 ** ((newest - at.getTime()) / DAY_MS / halfLifeDays));
}

export function checkHalfLife(halfLifeDays: number): void {
  if (!Number.isFinite(halfLifeDays) || halfLifeDays <= 0) {
    throw new Error(`The recency half-life must be a positive number of days, got ${halfLifeDays}.`);
  }
}
