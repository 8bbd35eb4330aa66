import type { Forest, ForestOptions } from "./forest/forest.ts";
import { resolveMaxFeatures } from "./forest/forest.ts";
import type { FeatureMatrix } from "./forest/matrix.ts";
import type { Tree } from "./forest/tree.ts";

/**
 * The `ml-random-forest` package as a selectable training engine. Its trees are converted into
 * the project's forest format, so saving, loading, prediction and explanations are shared.
 * Known limits (see docs/delay-model.md): its CART tries every split point (O(n²) per node,
 * hours for 100 trees on 40k orders), it samples features once per tree rather than per split,
 * and its `predictProbability` drops the first tree — the conversion uses every tree's leaf
 * class fractions instead, so that bug never applies.
 */

interface CartNode {
  splitColumn?: number;
  splitValue?: number;
  left?: CartNode;
  right?: CartNode;
  /** Class shares at a leaf; columns are classes 0…max label seen in the leaf. */
  distribution?: { columns: number; get(row: number, column: number): number };
}

interface MlForestInternals {
  estimators: Array<{ root: CartNode }>;
  /** Per tree, the original column of each of the tree's columns. */
  indexes: number[][];
}

export async function trainWithMlRandomForest(
  matrix: FeatureMatrix,
  labels: ArrayLike<number>,
  options: ForestOptions,
  onTree?: (done: number, total: number) => void,
): Promise<Forest> {
  let RandomForestClassifier: typeof import("ml-random-forest").RandomForestClassifier;
  try {
    ({ RandomForestClassifier } = await import("ml-random-forest"));
  } catch {
    throw new Error(
      "The ml-random-forest engine needs the ml-random-forest package (a development dependency): run `npm install`, or use the default engine.",
    );
  }
  const rows = Array.from({ length: matrix.nRows }, (_, i) =>
    Array.from(matrix.values.subarray(i * matrix.nCols, (i + 1) * matrix.nCols)),
  );
  const y = Array.from(labels);
  const collected: Array<{ root: CartNode; columns: number[] }> = [];
  // One single-tree forest per seed: trees are independent anyway, and this gives progress.
  for (let t = 0; t < options.nTrees; t++) {
    const forest = new RandomForestClassifier({
      nEstimators: 1,
      maxFeatures: resolveMaxFeatures(options.maxFeatures, matrix.nCols),
      replacement: false,
      useSampleBagging: options.bootstrap,
      noOOB: true,
      seed: options.seed + t,
      treeOptions: { maxDepth: options.maxDepth, minNumSamples: options.minSamplesLeaf },
    });
    forest.train(rows, y);
    const internals = forest as unknown as MlForestInternals;
    collected.push({ root: internals.estimators[0]?.root as CartNode, columns: internals.indexes[0] ?? [] });
    onTree?.(t + 1, options.nTrees);
  }
  return convertTrees(collected, matrix.nCols, options);
}

/** ml-cart sends x left when x < s; the project's trees when x <= edge. The largest double below s is exact. */
function edgeFor(splitValue: number): number {
  const value = new Float64Array([splitValue]);
  const bits = new BigInt64Array(value.buffer);
  if (splitValue === 0) return -Number.MIN_VALUE;
  bits[0] = (bits[0] as bigint) + (splitValue > 0 ? -1n : 1n);
  return value[0] as number;
}

function convertTrees(
  trees: Array<{ root: CartNode; columns: number[] }>,
  nCols: number,
  options: ForestOptions,
): Forest {
  const thresholds: Array<Set<number>> = Array.from({ length: nCols }, () => new Set());
  const visit = (node: CartNode, columns: number[], fn: (node: CartNode, feature: number) => void) => {
    if (node.left && node.right) {
      fn(node, columns[node.splitColumn as number] as number);
      visit(node.left, columns, fn);
      visit(node.right, columns, fn);
    }
  };
  for (const { root, columns } of trees) {
    visit(root, columns, (node, feature) => thresholds[feature]?.add(edgeFor(node.splitValue as number)));
  }
  const edges = thresholds.map((set) => Float64Array.from([...set].sort((a, b) => a - b)));
  if (edges.some((e) => e.length > 255)) {
    throw new Error(
      "ml-random-forest produced more than 255 distinct thresholds for one feature; use the default engine.",
    );
  }
  const converted = trees.map(({ root, columns }) => convertTree(root, columns, edges));
  return { nFeatures: nCols, options, edges, trees: converted };
}

function convertTree(root: CartNode, columns: number[], edges: Float64Array[]): Tree {
  const feature: number[] = [];
  const bin: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const add = (node: CartNode): void => {
    const id = feature.length;
    if (!(node.left && node.right)) {
      const distribution = node.distribution;
      feature.push(-1);
      bin.push(0);
      right.push(-1);
      // Shares are sums of 1/n, so they can overshoot 1 by a rounding error.
      value.push(
        distribution && distribution.columns > 1 ? Math.min(1, Math.max(0, distribution.get(0, 1))) : 0,
      );
      return;
    }
    const f = columns[node.splitColumn as number] as number;
    feature.push(f);
    bin.push((edges[f] as Float64Array).indexOf(edgeFor(node.splitValue as number)));
    right.push(-1);
    value.push(0);
    add(node.left);
    right[id] = feature.length;
    add(node.right);
  };
  add(root);
  return {
    feature: Int32Array.from(feature),
    bin: Uint8Array.from(bin),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}
