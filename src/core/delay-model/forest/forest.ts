import { type BinEdges, binMatrix, computeBinEdges, MAX_BINS } from "./binning.ts";
import { type FeatureMatrix, selectRows } from "./matrix.ts";
import { createRandom, deriveSeed, randomInt } from "./random.ts";
import { type BinnedSet, growTree, type Tree } from "./tree.ts";

/**
 * A histogram-based Random Forest for binary classification (late / on time): features binned
 * once, Gini splits over bin histograms, features drawn per split, bootstrap rows per tree.
 * Optional sample weights multiply each row's bootstrap draw count (as scikit-learn's
 * sample_weight does), so they act in the split histograms and in the leaf late shares.
 */
export interface ForestOptions {
  nTrees: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features tried per split: "sqrt" (√p, rounded down, at least 1), "all", or a count. */
  maxFeatures: "sqrt" | "all" | number;
  bootstrap: boolean;
  /** "balanced" weighs each class by n / (2 · n_class) when choosing splits. */
  classWeight: "balanced" | "none";
  maxBins: number;
  seed: number;
}

export const DEFAULT_FOREST_OPTIONS: ForestOptions = {
  nTrees: 100,
  maxDepth: 10,
  minSamplesLeaf: 20,
  maxFeatures: "sqrt",
  bootstrap: true,
  classWeight: "none",
  maxBins: MAX_BINS,
  seed: 42,
};

export interface Forest {
  nFeatures: number;
  options: ForestOptions;
  edges: BinEdges;
  trees: Tree[];
}

export interface FitInputs {
  /**
   * One non-negative weight per row (default 1 each). A row weighing w counts like w copies of
   * itself; rows weighing 0 are left out entirely, as if they were not in the matrix.
   */
  sampleWeights?: ArrayLike<number>;
  onTree?: (done: number, total: number) => void;
}

export function trainForest(
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: Partial<ForestOptions> = {},
  { sampleWeights, onTree }: FitInputs = {},
): Forest {
  const settings = { ...DEFAULT_FOREST_OPTIONS, ...options };
  validate(matrix, labels, settings);
  const kept = sampleWeights ? keptRows(sampleWeights, matrix.nRows) : undefined;
  const used = kept ? selectRows(matrix, kept) : matrix;
  const weights = kept ? Float64Array.from(kept, (i) => sampleWeights?.[i] as number) : undefined;
  const edges = computeBinEdges(used, settings.maxBins);
  const set: BinnedSet = {
    nRows: used.nRows,
    nCols: used.nCols,
    codes: binMatrix(used, edges),
    nBins: Int32Array.from(edges, (e) => e.length + 1),
    labels: kept
      ? Uint8Array.from(kept, (i) => (labels[i] === 1 ? 1 : 0))
      : Uint8Array.from(labels, (y) => (y === 1 ? 1 : 0)),
  };
  const growOptions = {
    maxDepth: settings.maxDepth,
    minSamplesLeaf: settings.minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(settings.maxFeatures, matrix.nCols),
    classWeight: classWeights(set.labels, weights, settings.classWeight),
  };
  const trees: Tree[] = [];
  for (let t = 0; t < settings.nTrees; t++) {
    const random = createRandom(deriveSeed(settings.seed, t));
    const { rows, counts } = settings.bootstrap ? bootstrapSample(set.nRows, random) : allRows(set.nRows);
    if (weights)
      for (let i = 0; i < counts.length; i++) counts[i] = (counts[i] as number) * (weights[i] as number);
    trees.push(growTree(set, rows, counts, growOptions, random));
    onTree?.(t + 1, settings.nTrees);
  }
  return { nFeatures: matrix.nCols, options: settings, edges, trees };
}

/** Indices of the rows with a positive weight, after checking every weight. */
function keptRows(weights: ArrayLike<number>, nRows: number): Uint32Array {
  if (weights.length !== nRows) throw new Error(`Got ${weights.length} sample weights for ${nRows} rows.`);
  const kept: number[] = [];
  for (let i = 0; i < nRows; i++) {
    const w = weights[i] as number;
    if (!Number.isFinite(w) || w < 0)
      throw new Error(`Sample weight ${i} is ${w}; expected a finite number >= 0.`);
    if (w > 0) kept.push(i);
  }
  if (kept.length === 0) throw new Error("Every sample weight is 0: there is nothing to learn from.");
  return Uint32Array.from(kept);
}

function validate(matrix: FeatureMatrix, labels: ArrayLike<number>, options: ForestOptions): void {
  if (matrix.nRows === 0) throw new Error("Cannot train a forest on zero rows.");
  if (labels.length !== matrix.nRows) {
    throw new Error(`Got ${labels.length} labels for ${matrix.nRows} rows.`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`Label ${i} is ${labels[i]}; expected 0 or 1.`);
  }
  if (!Number.isInteger(options.nTrees) || options.nTrees < 1) throw new Error("nTrees must be at least 1.");
  if (!Number.isInteger(options.maxDepth) || options.maxDepth < 1)
    throw new Error("maxDepth must be at least 1.");
  if (!Number.isInteger(options.minSamplesLeaf) || options.minSamplesLeaf < 1) {
    throw new Error("minSamplesLeaf must be at least 1.");
  }
}

export function resolveMaxFeatures(maxFeatures: ForestOptions["maxFeatures"], nCols: number): number {
  if (maxFeatures === "all") return nCols;
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(nCols)));
  return Math.min(nCols, Math.max(1, Math.floor(maxFeatures)));
}

/** Balanced: each class's rows together weigh half of all (sample-weighted) rows. */
function classWeights(
  labels: Uint8Array,
  sampleWeights: Float64Array | undefined,
  mode: ForestOptions["classWeight"],
): [number, number] {
  if (mode === "none") return [1, 1];
  let late = 0;
  let all = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = sampleWeights ? (sampleWeights[i] as number) : 1;
    all += w;
    if (labels[i] === 1) late += w;
  }
  // A class absent from the sample weighs nothing; the tree then becomes a single leaf anyway.
  const weight = (mass: number) => (mass === 0 ? 0 : all / (2 * mass));
  return [weight(all - late), weight(late)];
}

/** n draws with replacement, as distinct rows with their draw counts (as scikit-learn does). */
function bootstrapSample(n: number, random: () => number): { rows: Uint32Array; counts: Float64Array } {
  const counts = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = randomInt(random, n);
    counts[row] = (counts[row] as number) + 1;
  }
  let distinct = 0;
  for (let i = 0; i < n; i++) if ((counts[i] as number) > 0) distinct++;
  const rows = new Uint32Array(distinct);
  let next = 0;
  for (let i = 0; i < n; i++) if ((counts[i] as number) > 0) rows[next++] = i;
  return { rows, counts };
}

function allRows(n: number): { rows: Uint32Array; counts: Float64Array } {
  return { rows: Uint32Array.from({ length: n }, (_, i) => i), counts: new Float64Array(n).fill(1) };
}

/** The late fraction at the leaf a row reaches in one tree. */
export function treeLeafValue(forest: Forest, tree: Tree, row: ArrayLike<number>): number {
  let node = 0;
  for (;;) {
    const f = tree.feature[node] as number;
    if (f < 0) return tree.value[node] as number;
    const threshold = (forest.edges[f] as Float64Array)[tree.bin[node] as number] as number;
    node = (row[f] as number) <= threshold ? node + 1 : (tree.right[node] as number);
  }
}

/** Probability of "late": the mean over trees of the late fraction in the leaf the row reaches. */
export function predictProbability(forest: Forest, row: ArrayLike<number>): number {
  if (row.length !== forest.nFeatures) {
    throw new Error(`The row has ${row.length} features; the forest expects ${forest.nFeatures}.`);
  }
  let sum = 0;
  for (const tree of forest.trees) sum += treeLeafValue(forest, tree, row);
  return sum / forest.trees.length;
}

export function predictMatrix(forest: Forest, matrix: FeatureMatrix): Float64Array {
  const out = new Float64Array(matrix.nRows);
  for (let i = 0; i < matrix.nRows; i++) {
    out[i] = predictProbability(forest, matrix.values.subarray(i * matrix.nCols, (i + 1) * matrix.nCols));
  }
  return out;
}
