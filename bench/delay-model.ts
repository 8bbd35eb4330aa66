/**
 * The project's histogram Random Forest vs ml-random-forest (and scikit-learn when Debian's
 * python3-sklearn is installed) on the same generated orders and the same time-based split:
 * train time and hold-out ROC-AUC at 5k/20k/50k orders for 100 and 300 trees, prediction latency,
 * model file size. All engines get the same encoded matrix (hour, weekday, promised minutes,
 * area late rate from the training part) and depth 10, min leaf 20.
 *
 * ml-random-forest's CART tries every split point (O(n²) per node), so it gets a time budget per
 * cell: its tree count is cut to what fits (extrapolated from one tree) and the row says so.
 * Run: npx tsx bench/delay-model.ts [--budget-seconds 60]
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RandomForestClassifier } from "ml-random-forest";
import { generateDataset } from "../src/core/data/generate/index.ts";
import { importDirectory } from "../src/core/data/import/import.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import { encodeOrder, encodeOrders, fitEncoding } from "../src/core/delay-model/features.ts";
import { predictMatrix, predictProbability, trainForest } from "../src/core/delay-model/forest/forest.ts";
import type { FeatureMatrix } from "../src/core/delay-model/forest/matrix.ts";
import { serialiseForest } from "../src/core/delay-model/forest/serialise.ts";
import { rocAuc } from "../src/core/delay-model/metrics.ts";
import { loadTrainingSet, sliceSet, type TrainingSet } from "../src/core/delay-model/training-data.ts";
import { machineLine, percentile, printTable } from "./machine.ts";

const SIZES = [5_000, 20_000, 50_000];
const TREE_COUNTS = [100, 300];
const OUT = join("bench", "out", "delay-model");
const budgetArg = process.argv.indexOf("--budget-seconds");
const BUDGET_SECONDS = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 60;
const FOREST = { maxDepth: 10, minSamplesLeaf: 20, classWeight: "balanced" as const, seed: 42 };

interface Split {
  size: number;
  train: TrainingSet;
  test: TrainingSet;
  trainMatrix: FeatureMatrix;
  testMatrix: FeatureMatrix;
}

type Row = Array<string | number>;

/** Generated and imported once; later runs reuse bench/out/delay-model/orders.json. */
async function loadOrders(): Promise<TrainingSet> {
  const cache = join(OUT, "orders.json");
  if (existsSync(cache)) {
    const set = JSON.parse(readFileSync(cache, "utf8"));
    return {
      ...set,
      orderedAt: set.orderedAt.map((d: string) => new Date(d)),
      labels: Uint8Array.from(set.labels),
    };
  }
  const set = await generateAndImport();
  writeFileSync(cache, JSON.stringify({ ...set, labels: Array.from(set.labels) }));
  return set;
}

async function generateAndImport(): Promise<TrainingSet> {
  const dataDir = join(OUT, "data");
  console.log(`generating 50k orders into ${dataDir} and importing them into PGlite (in memory)…`);
  await generateDataset({ seed: 42, orders: 50_000, endDate: "2026-11-20" }, dataDir);
  const db = await openPglite("memory://");
  try {
    await migrate(db);
    await importDirectory(db, dataDir, { timeZone: "Asia/Kolkata" });
    return await loadTrainingSet(db);
  } finally {
    await db.close();
  }
}

/** The latest `size` delivered orders, earliest 80 % for training, latest 20 % held out. */
function splitLatest(all: TrainingSet, size: number): Split {
  const from = Math.max(0, all.orders.length - size);
  const rows = sliceSet(all, from, all.orders.length);
  const cut = Math.floor(rows.orders.length * 0.8);
  const train = sliceSet(rows, 0, cut);
  const test = sliceSet(rows, cut, rows.orders.length);
  const encoding = fitEncoding(train.orders, train.labels, "target");
  return {
    size: rows.orders.length,
    train,
    test,
    trainMatrix: encodeOrders(encoding, train.orders),
    testMatrix: encodeOrders(encoding, test.orders),
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function toRows(matrix: FeatureMatrix): number[][] {
  return Array.from({ length: matrix.nRows }, (_, i) =>
    Array.from(matrix.values.subarray(i * matrix.nCols, (i + 1) * matrix.nCols)),
  );
}

function benchOurs(split: Split, trees: number): Row {
  const started = performance.now();
  const forest = trainForest(split.trainMatrix, split.train.labels, { ...FOREST, nTrees: trees });
  const trainMs = performance.now() - started;
  const auc = rocAuc(predictMatrix(forest, split.testMatrix), split.test.labels);
  return ["histogram forest (ours)", split.size, trees, seconds(trainMs), auc?.toFixed(3) ?? "n/a"];
}

/** One ml-random-forest tree's time at some size; its CART is O(n²), so larger sizes are projected from it. */
let mlProbe: { rows: number; ms: number } | undefined;

/** ml-random-forest, capped to the tree count that fits the budget; probability = share of trees voting late. */
function benchMlRandomForest(split: Split, trees: number): Row {
  const label = "ml-random-forest";
  const n = split.trainMatrix.nRows;
  if (mlProbe) {
    const projectedMs = mlProbe.ms * (n / mlProbe.rows) ** 2;
    if (projectedMs > BUDGET_SECONDS * 1000) {
      return [
        `${label} (skipped: ~${seconds(projectedMs)} s per tree projected)`,
        split.size,
        trees,
        "—",
        "—",
      ];
    }
  }
  const x = toRows(split.trainMatrix);
  const y = Array.from(split.train.labels);
  const options = (n: number) => ({
    nEstimators: n,
    // All features per tree: it samples features once per tree, and 2 of 4 per tree cripples it.
    maxFeatures: 1.0,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    seed: 42,
    treeOptions: { maxDepth: FOREST.maxDepth, minNumSamples: FOREST.minSamplesLeaf },
  });
  const probeStart = performance.now();
  new RandomForestClassifier(options(1)).train(x, y);
  const perTreeMs = performance.now() - probeStart;
  mlProbe = { rows: n, ms: perTreeMs };
  const affordable = Math.floor((BUDGET_SECONDS * 1000) / perTreeMs);
  if (affordable < 1) {
    return [`${label} (skipped: 1 tree ${seconds(perTreeMs)} s > budget)`, split.size, trees, "—", "—"];
  }
  const grown = Math.min(trees, affordable);
  const started = performance.now();
  const forest = new RandomForestClassifier(options(grown));
  forest.train(x, y);
  const trainMs = performance.now() - started;
  // predictProbability() drops the first tree (its reduce has no initial value): count votes ourselves.
  const votes = forest.predictionValues(toRows(split.testMatrix));
  const probabilities = Array.from({ length: votes.rows }, (_, i) => {
    const row = votes.getRow(i);
    return row.filter((v) => v === 1).length / row.length;
  });
  const auc = rocAuc(probabilities, split.test.labels);
  const note = grown < trees ? ` (capped at ${grown} trees)` : "";
  return [`${label}${note}`, split.size, trees, seconds(trainMs), auc?.toFixed(3) ?? "n/a"];
}

const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
d = sys.argv[1]
train = np.loadtxt(d + "/train.csv", delimiter=",")
test = np.loadtxt(d + "/test.csv", delimiter=",")
for trees in (100, 300):
    model = RandomForestClassifier(n_estimators=trees, max_depth=10, min_samples_leaf=20,
        max_features="sqrt", class_weight="balanced", n_jobs=1, random_state=42)
    t = time.perf_counter()
    model.fit(train[:, :-1], train[:, -1])
    ms = (time.perf_counter() - t) * 1000
    auc = roc_auc_score(test[:, -1], model.predict_proba(test[:, :-1])[:, 1])
    print(json.dumps({"trees": trees, "trainMs": ms, "auc": auc}))
`;

function writeCsv(path: string, matrix: FeatureMatrix, labels: Uint8Array): void {
  const lines = toRows(matrix).map((row, i) => `${row.join(",")},${labels[i]}`);
  writeFileSync(path, `${lines.join("\n")}\n`);
}

function benchSklearn(split: Split): Row[] {
  const dir = join(OUT, `sklearn-${split.size}`);
  mkdirSync(dir, { recursive: true });
  writeCsv(join(dir, "train.csv"), split.trainMatrix, split.train.labels);
  writeCsv(join(dir, "test.csv"), split.testMatrix, split.test.labels);
  const run = spawnSync("/usr/bin/python3", ["-c", SKLEARN_SCRIPT, dir], { encoding: "utf8" });
  if (run.status !== 0) {
    return [["scikit-learn (not available: apt-get install python3-sklearn)", split.size, "—", "—", "—"]];
  }
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { trees: number; trainMs: number; auc: number })
    .map((r) => [
      "scikit-learn 1 thread (reference)",
      split.size,
      r.trees,
      seconds(r.trainMs),
      r.auc.toFixed(3),
    ]);
}

function benchPrediction(split: Split): Row[] {
  const forest = trainForest(split.trainMatrix, split.train.labels, { ...FOREST, nTrees: 300 });
  const encoding = fitEncoding(split.train.orders, split.train.labels, "target");
  const orders = split.test.orders;
  const single: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const order = orders[i % orders.length] as (typeof orders)[number];
    const started = performance.now();
    predictProbability(forest, encodeOrder(encoding, order));
    single.push(performance.now() - started);
  }
  const batch = sliceSet(split.test, 0, Math.min(10_000, orders.length));
  const started = performance.now();
  predictMatrix(forest, encodeOrders(encoding, batch.orders));
  const batchMs = performance.now() - started;
  const bytes100 = JSON.stringify(
    serialiseForest(trainForest(split.trainMatrix, split.train.labels, { ...FOREST, nTrees: 100 })),
  ).length;
  const bytes300 = JSON.stringify(serialiseForest(forest)).length;
  return [
    ["1 order, p50", `${(percentile(single, 50) * 1000).toFixed(0)} µs`],
    ["1 order, p99", `${(percentile(single, 99) * 1000).toFixed(0)} µs`],
    [`${batch.orders.length} orders (batch)`, `${batchMs.toFixed(0)} ms`],
    ["model JSON, 100 trees", `${(bytes100 / 2 ** 20).toFixed(1)} MiB`],
    ["model JSON, 300 trees", `${(bytes300 / 2 ** 20).toFixed(1)} MiB`],
  ];
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const all = await loadOrders();
  console.log(`${all.orders.length} delivered orders loaded\n`);
  const rows: Row[] = [];
  let largest: Split | undefined;
  for (const size of SIZES) {
    const split = splitLatest(all, size);
    largest = split;
    for (const trees of TREE_COUNTS) rows.push(benchOurs(split, trees));
    for (const trees of TREE_COUNTS) rows.push(benchMlRandomForest(split, trees));
    rows.push(...benchSklearn(split));
    const areaAuc = rocAuc(
      Float64Array.from(
        { length: split.testMatrix.nRows },
        (_, i) => split.testMatrix.values[i * 4 + 3] as number,
      ),
      split.test.labels,
    );
    rows.push(["area late rate alone (baseline)", split.size, "—", "—", areaAuc?.toFixed(3) ?? "n/a"]);
    console.log(`done: ${size} orders`);
  }
  console.log(`\n${machineLine()}`);
  console.log(
    `depth 10, min leaf 20, balanced class weights, √p features per split; time-based 80/20 split; ml-random-forest budget ${BUDGET_SECONDS} s per cell\n`,
  );
  printTable(["engine", "orders", "trees", "train s", "hold-out AUC"], rows);
  if (largest) {
    console.log(`\nprediction, our forest with 300 trees trained on ${largest.train.orders.length} orders:`);
    printTable(["what", "value"], benchPrediction(largest));
  }
}

await main();
