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
 * proportion to how often customers raised them — and how much more than in the previous
 * period — worst-rated and most repeated first within a theme, interleaved so any prefix of
 * the list keeps those proportions. Lukewarm texts are left out.
 */
export function representativeSample<T extends Sampled>(
  items: readonly T[],
  k: number,
  previousPeriod: readonly Sampled[] = [],
): T[] {
  const before = new Map(
    groupByTheme(previousPeriod.filter(isInformative)).map((g) => [g.theme.id, g.count]),
  );
  const informative = items.filter(isInformative);
  const groups = groupByTheme(informative).map((group) => ({
    ...group,
    items: [...group.items].sort(
      (a, b) => (a.rating ?? 5) - (b.rating ?? 5) || b.occurrences - a.occurrences || (a.id < b.id ? -1 : 1),
    ),
  }));
  // A theme's weight is its size times how much it grew beyond the overall change in volume:
  // a spike is what the question is about. Without a previous period, size alone.
  const totalNow = groups.reduce((sum, g) => sum + g.count, 0);
  const totalBefore = [...before.values()].reduce((sum, n) => sum + n, 0);
  const lift = (g: (typeof groups)[number]) =>
    totalBefore === 0 ? 1 : (g.count + 1) / (((before.get(g.theme.id) ?? 0) * totalNow) / totalBefore + 1);
  const quotas = allocate(
    groups.map((g) => g.count * lift(g)),
    groups.map((g) => g.items.length),
    k,
  );
  // Item j of a theme with quota q is placed at (j + ½) / q: every prefix of the list is
  // then close to proportional, so the top few already follow the themes' sizes.
  const placed = groups.flatMap((group, g) =>
    group.items.slice(0, quotas[g] ?? 0).map((item, j) => ({ item, g, key: (j + 0.5) / (quotas[g] ?? 1) })),
  );
  placed.sort((a, b) => a.key - b.key || a.g - b.g);
  return placed.map((p) => p.item);
}

/** Words below which a text in no theme gives no reason ("Not satisfied", "Worst service"). */
const MIN_REASON_WORDS = 4;

/**
 * Texts that name a recognisable problem, or are long enough to give one in words the themes
 * don't know. Lukewarm ratings without a problem ("Fine", "Average") and bare verdicts say
 * nothing about why, however often they repeat.
 */
function isInformative(item: Sampled): boolean {
  if (themeOf(item.text, null) !== OTHER_THEME) return true;
  return (item.rating ?? 0) < 3 && item.text.trim().split(/\s+/).length >= MIN_REASON_WORDS;
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
