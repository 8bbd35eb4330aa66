/**
 * Should the delay forest weigh recent orders more? A backtest on generated demo data: for each
 * cutoff, the orders before it train a model exactly as `blinkit model train` does
 * (fitDelayModel: hold-out fit, then refit on every order before the cutoff) with the console's
 * first-run settings, once per recency half-life, and the 14 days from the cutoff score it.
 * Cutoffs: calm periods, two weeks into two planted late-delivery shocks (North-East monsoon,
 * South rider shortage) and a week after the South shortage ended.
 *
 * Noise: every Δ is against the unweighted model of the same run on the same orders, with a 95 %
 * interval from a paired bootstrap over the 14 test days (whole days resampled, because a day's
 * orders share its weather). A second unweighted forest with another forest seed shows how
 * much the figures move from the forest's own randomness.
 * Run: npx tsx bench/delay-recency.ts [--seeds 42,7] [--boot 400] [--search]
 * (--search: `blinkit model train`'s defaults instead — 300 trees, settings searched per cutoff.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AREAS, type Zone } from "../src/core/data/generate/areas.ts";
import { plantedIncidents } from "../src/core/data/generate/incidents.ts";
import { generateDataset } from "../src/core/data/generate/index.ts";
import { importDirectory } from "../src/core/data/import/import.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import { predictSet } from "../src/core/delay-model/evaluate.ts";
import { areaKey } from "../src/core/delay-model/features.ts";
import { createRandom, randomInt } from "../src/core/delay-model/forest/random.ts";
import { brierScore, rocAuc } from "../src/core/delay-model/metrics.ts";
import { type DelayModelRecipe, fitDelayModel } from "../src/core/delay-model/train.ts";
import { loadTrainingSet, sliceSet, type TrainingSet } from "../src/core/delay-model/training-data.ts";
import { machineLine, printTable } from "./machine.ts";

const OUT = join("bench", "out", "delay-recency");
const TIME_ZONE = "Asia/Kolkata";
/** The console's demo data as generated on 2026-11-25 (its default period ends yesterday). */
const END_DATE = "2026-11-24";
const DAY_MS = 86_400_000;
const HORIZON_DAYS = 14;
/** How far back an incident still counts as "in reach" of a cutoff's training data. */
const REACH_DAYS = 28;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SEEDS = arg("--seeds", "42,7").split(",").map(Number);
const BOOTSTRAP_REPS = Number(arg("--boot", "400"));
const SEARCH = process.argv.includes("--search");

/** The console's first-run settings (src/app.ts): what the demo's /delay-risk answers with. */
const FIRST_RUN: DelayModelRecipe = {
  timeZone: TIME_ZONE,
  trees: 150,
  maxDepth: 14,
  minSamplesLeaf: 50,
  areaEncoding: "target",
};
const RECIPE: DelayModelRecipe = SEARCH ? { timeZone: TIME_ZONE } : FIRST_RUN;
const RECIPE_WORDS = SEARCH
  ? "`blinkit model train`'s defaults (300 trees, depth, leaf size and area encoding searched on each cutoff's validation slice)"
  : "the console's first-run settings (150 trees, depth 14, min leaf 50, target encoding)";

const CUTOFFS: ReadonlyArray<{ date: string; period: "calm" | "shock" | "after shock" }> = [
  { date: "2025-11-25", period: "shock" },
  { date: "2026-03-15", period: "calm" },
  { date: "2026-06-01", period: "calm" },
  { date: "2026-08-20", period: "calm" },
  { date: "2026-10-15", period: "shock" },
  { date: "2026-11-08", period: "after shock" },
];

interface Variant {
  name: string;
  halfLifeDays: number | null;
  seed?: number;
}

/** The brief's half-lives, 7 days to show what following a two-week shock would take, and a noise row. */
const VARIANTS: readonly Variant[] = [
  { name: "none", halfLifeDays: null },
  { name: "none, forest seed 43", halfLifeDays: null, seed: 43 },
  { name: "90 d", halfLifeDays: 90 },
  { name: "45 d", halfLifeDays: 45 },
  { name: "21 d", halfLifeDays: 21 },
  { name: "7 d", halfLifeDays: 7 },
];

const ZONE_OF = new Map<string, Zone>(AREAS.map((a) => [areaKey(a.name), a.zone]));

/** Generated and imported once per seed; later runs reuse bench/out/delay-recency/orders-<seed>.json. */
async function loadOrders(seed: number): Promise<TrainingSet> {
  const cache = join(OUT, `orders-${seed}.json`);
  if (!existsSync(cache)) {
    const dataDir = join(OUT, `data-${seed}`);
    console.log(`generating demo orders (seed ${seed}) into ${dataDir} and importing them into PGlite…`);
    await generateDataset({ seed, endDate: END_DATE }, dataDir);
    const db = await openPglite("memory://");
    try {
      await migrate(db);
      await importDirectory(db, dataDir, { timeZone: TIME_ZONE });
      const set = await loadTrainingSet(db);
      writeFileSync(cache, JSON.stringify({ ...set, labels: Array.from(set.labels) }));
    } finally {
      await db.close();
    }
  }
  const set = JSON.parse(readFileSync(cache, "utf8"));
  return {
    ...set,
    orderedAt: set.orderedAt.map((d: string) => new Date(d)),
    labels: Uint8Array.from(set.labels),
  };
}

/** Index of the first order at or after `instant` (orders are oldest first). */
function firstAtOrAfter(set: TrainingSet, instant: number): number {
  const index = set.orderedAt.findIndex((at) => at.getTime() >= instant);
  return index < 0 ? set.orders.length : index;
}

/** Planted late-delivery incidents overlapping the 4 weeks before the cutoff or the 14 days after. */
function incidentsInReach(seed: number, cutoff: number): string {
  const from = cutoff - REACH_DAYS * DAY_MS;
  const to = cutoff + HORIZON_DAYS * DAY_MS;
  const near = plantedIncidents({ seed, endDate: END_DATE }).filter((incident) => {
    const start = Date.parse(`${incident.start}T00:00:00+05:30`);
    const end = Date.parse(`${incident.end}T00:00:00+05:30`) + DAY_MS;
    return incident.effects.lateLogitBoost > 0 && start < to && end > from;
  });
  return (
    near
      .map(
        (i) =>
          `${i.scope === "zone" ? `${i.zone} zone` : i.areas.join("/")} ${i.start.slice(5)}→${i.end.slice(5)}`,
      )
      .join(", ") || "none"
  );
}

interface Scored {
  probabilities: Float64Array;
  auc: number | null;
  brier: number | null;
}

/** Test-order indices per business day, for resampling whole days. */
function ordersByDay(set: TrainingSet): number[][] {
  const days = new Map<string, number[]>();
  set.businessDays.forEach((day, i) => {
    const list = days.get(day) ?? [];
    list.push(i);
    days.set(day, list);
  });
  return [...days.values()];
}

/** 2.5 % and 97.5 % quantiles of (variant − baseline) for AUC and Brier over resampled test days. */
function pairedInterval(
  days: number[][],
  labels: Uint8Array,
  baseline: Float64Array,
  variant: Float64Array,
  seed: number,
): { auc: [number, number]; brier: [number, number] } {
  const random = createRandom(seed);
  const aucDeltas: number[] = [];
  const brierDeltas: number[] = [];
  for (let rep = 0; rep < BOOTSTRAP_REPS; rep++) {
    const rows: number[] = [];
    for (let d = 0; d < days.length; d++) rows.push(...(days[randomInt(random, days.length)] as number[]));
    const y = rows.map((i) => labels[i] as number);
    const pick = (p: Float64Array) => rows.map((i) => p[i] as number);
    const a = rocAuc(pick(variant), y);
    const b = rocAuc(pick(baseline), y);
    if (a !== null && b !== null) aucDeltas.push(a - b);
    brierDeltas.push((brierScore(pick(variant), y) as number) - (brierScore(pick(baseline), y) as number));
  }
  return { auc: quantiles(aucDeltas), brier: quantiles(brierDeltas) };
}

function quantiles(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return [at(0.025), at(0.975)];
}

/** Observed and mean predicted late rate of the test orders passing `keep`, as "obs / pred %". */
function lateRates(test: TrainingSet, probabilities: Float64Array, keep: (i: number) => boolean): string {
  let n = 0;
  let late = 0;
  let predicted = 0;
  for (let i = 0; i < test.orders.length; i++) {
    if (!keep(i)) continue;
    n++;
    late += test.labels[i] as number;
    predicted += probabilities[i] as number;
  }
  return n === 0 ? "—" : `${((late / n) * 100).toFixed(1)} / ${((predicted / n) * 100).toFixed(1)}`;
}

const signed = (x: number, digits: number) => `${x >= 0 ? "+" : ""}${x.toFixed(digits)}`;
const interval = ([lo, hi]: [number, number], digits: number) =>
  `[${signed(lo, digits)}, ${signed(hi, digits)}]`;

type Row = Array<string | number>;

interface Summary {
  seed: number;
  period: string;
  variant: string;
  deltaBrier: number;
  deltaAuc: number;
}

async function backtestSeed(seed: number, rows: Row[], summaries: Summary[], reach: Row[]): Promise<void> {
  const all = await loadOrders(seed);
  for (const { date, period } of CUTOFFS) {
    const cutoff = Date.parse(`${date}T00:00:00+05:30`);
    const from = firstAtOrAfter(all, cutoff);
    const train = sliceSet(all, 0, from);
    const test = sliceSet(all, from, firstAtOrAfter(all, cutoff + HORIZON_DAYS * DAY_MS));
    const south = (i: number) => {
      const area = test.orders[i]?.area ?? null;
      return area !== null && ZONE_OF.get(areaKey(area)) === "South";
    };
    const days = ordersByDay(test);
    let baseline: Scored | undefined;
    const started = performance.now();
    for (const variant of VARIANTS) {
      const { model } = await fitDelayModel(train, {
        ...RECIPE,
        halfLifeDays: variant.halfLifeDays,
        seed: variant.seed,
      });
      const probabilities = predictSet(model, test);
      const scored: Scored = {
        probabilities,
        auc: rocAuc(probabilities, test.labels),
        brier: brierScore(probabilities, test.labels),
      };
      baseline ??= scored;
      const isBaseline = scored === baseline;
      const ci = isBaseline
        ? undefined
        : pairedInterval(days, test.labels, baseline.probabilities, probabilities, seed * 1000 + rows.length);
      const deltaAuc = (scored.auc ?? 0) - (baseline.auc ?? 0);
      const deltaBrier = (scored.brier ?? 0) - (baseline.brier ?? 0);
      if (!isBaseline) summaries.push({ seed, period, variant: variant.name, deltaAuc, deltaBrier });
      rows.push([
        isBaseline ? seed : "",
        isBaseline ? date : "",
        isBaseline ? period : "",
        isBaseline ? `${train.orders.length} / ${test.orders.length}` : "",
        variant.name,
        scored.auc?.toFixed(4) ?? "n/a",
        ci ? `${signed(deltaAuc, 4)} ${interval(ci.auc, 4)}` : "",
        scored.brier?.toFixed(4) ?? "n/a",
        ci ? `${signed(deltaBrier, 4)} ${interval(ci.brier, 4)}` : "",
        lateRates(test, probabilities, south),
        lateRates(test, probabilities, () => true),
      ]);
    }
    reach.push([seed, date, period, incidentsInReach(seed, cutoff)]);
    console.log(
      `seed ${seed}, cutoff ${date}: ${VARIANTS.length} models in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
}

/** Mean Δ per half-life over the calm cutoffs and over the shock cutoffs, every seed pooled. */
function summaryRows(summaries: Summary[]): Row[] {
  const rows: Row[] = [];
  for (const variant of VARIANTS.slice(1)) {
    const cells: Row = [variant.name];
    for (const period of ["calm", "shock", "after shock"]) {
      const picked = summaries.filter((s) => s.variant === variant.name && s.period === period);
      const mean = (f: (s: Summary) => number) => picked.reduce((sum, s) => sum + f(s), 0) / picked.length;
      cells.push(
        `${signed(
          mean((s) => s.deltaBrier),
          4,
        )} / ${signed(
          mean((s) => s.deltaAuc),
          4,
        )} (${picked.length})`,
      );
    }
    rows.push(cells);
  }
  return rows;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const rows: Row[] = [];
  const summaries: Summary[] = [];
  const reach: Row[] = [];
  for (const seed of SEEDS) await backtestSeed(seed, rows, summaries, reach);
  console.log(`\n${machineLine()}`);
  console.log(
    `demo data: generator defaults (50k orders, 400 days) ending ${END_DATE}; model: fitDelayModel with ${RECIPE_WORDS}, refit on every order before the cutoff; scored on the ${HORIZON_DAYS} days from the cutoff. Δ = minus the "none" row, [95 % paired day-bootstrap interval, ${BOOTSTRAP_REPS} resamples]. Late rates: observed / mean predicted, %.\n`,
  );
  printTable(
    [
      "seed",
      "cutoff",
      "period",
      "train / test",
      "half-life",
      "AUC",
      "ΔAUC",
      "Brier",
      "ΔBrier",
      "South late",
      "all late",
    ],
    rows,
  );
  console.log(
    `\nplanted late-delivery incidents overlapping the ${REACH_DAYS} days before a cutoff or the ${HORIZON_DAYS} after it:`,
  );
  printTable(["seed", "cutoff", "period", "incidents (dates MM-DD)"], reach);
  console.log("\nmean ΔBrier / ΔAUC against no weighting (cutoffs averaged, seeds pooled):");
  printTable(["half-life", "calm", "shock", "after shock"], summaryRows(summaries));
}

await main();
