import { groupByTheme, OTHER_THEME, themeOf } from "../answer/themes.ts";

interface Sampled {
  contentHash: string;
  id: string;
  text: string;
  category: string | null;
  rating: number | null;
  occurrences: number;
}

/**
 * For "why are customers unhappy?" with no topic: up to `k` texts whose themes appear in
 * proportion to how often customers raised them, worst-rated and most repeated first within a
 * theme, interleaved so the top of the list already covers every large theme. Lukewarm
 * ratings that name no recognisable problem ("Fine", "Average") are left out.
 */
export function representativeSample<T extends Sampled>(items: readonly T[], k: number): T[] {
  const informative = items.filter(
    (item) => (item.rating ?? 0) < 3 || themeOf(item.text, null) !== OTHER_THEME,
  );
  const groups = groupByTheme(informative).map((group) => ({
    ...group,
    items: [...group.items].sort(
      (a, b) => (a.rating ?? 5) - (b.rating ?? 5) || b.occurrences - a.occurrences || (a.id < b.id ? -1 : 1),
    ),
  }));
  const quotas = allocate(
    groups.map((g) => g.count),
    groups.map((g) => g.items.length),
    k,
  );
  const sample: T[] = [];
  for (let round = 0; sample.length < k; round++) {
    const before = sample.length;
    groups.forEach((group, i) => {
      const item = group.items[round];
      if (item && round < (quotas[i] ?? 0)) sample.push(item);
    });
    if (sample.length === before) break;
  }
  return sample;
}

/** Largest-remainder split of `k` slots by weight, never more than a group holds. */
function allocate(weights: number[], capacities: number[], k: number): number[] {
  const quotas = weights.map(() => 0);
  let left = Math.min(
    k,
    capacities.reduce((a, b) => a + b, 0),
  );
  while (left > 0) {
    const open = weights.map((w, i) => ((quotas[i] ?? 0) < (capacities[i] ?? 0) ? w : 0));
    const total = open.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    const shares = open.map((w, i) => ({ i, exact: (w / total) * left }));
    let given = 0;
    for (const { i, exact } of shares) {
      const room = (capacities[i] ?? 0) - (quotas[i] ?? 0);
      const add = Math.min(room, Math.floor(exact));
      quotas[i] = (quotas[i] ?? 0) + add;
      given += add;
    }
    if (given === 0) {
      // Every share rounded down to zero: the next slot goes to the largest open remainder.
      const best = shares
        .filter(({ i }) => (quotas[i] ?? 0) < (capacities[i] ?? 0))
        .sort((a, b) => b.exact - a.exact)[0];
      if (!best) break;
      quotas[best.i] = (quotas[best.i] ?? 0) + 1;
      given = 1;
    }
    left -= given;
  }
  return quotas;
}
