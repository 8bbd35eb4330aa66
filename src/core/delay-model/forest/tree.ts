import { type Random, randomInt } from "./random.ts";

/**
 * One classification tree, nodes in pre-order: a split's left child is the next node, its right
 * child is `right[node]`. Leaves have feature -1 and hold the fraction of late (class 1) rows.
 */
export interface Tree {
  feature: Int32Array;
  /** Split bin: go left when x <= edges[feature][bin]. */
  bin: Uint8Array;
  right: Int32Array;
  value: Float64Array;
}

/** Binned training rows shared by every tree of a forest. */
export interface BinnedSet {
  nRows: number;
  nCols: number;
  /** Column-major bin codes: codes[j * nRows + i]. */
  codes: Uint8Array;
  /** Number of bins per feature. */
  nBins: Int32Array;
  labels: Uint8Array;
}

export interface GrowOptions {
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features tried at each split (drawn afresh per split). */
  maxFeatures: number;
  /** Weight of a class-0 and a class-1 row in the impurity (balanced weights or 1/1). */
  classWeight: readonly [number, number];
}

interface PendingNode {
  start: number;
  end: number;
  depth: number;
  /** The split whose right child this is, or -1 (root, or a left child which needs no link). */
  rightOf: number;
}

interface Split {
  feature: number;
  bin: number;
}

/**
 * Grows one tree on the rows in `rows`, each counted `counts[row]` times (the bootstrap draw),
 * choosing splits by weighted Gini impurity over bin histograms.
 */
export function growTree(
  set: BinnedSet,
  rows: Uint32Array,
  counts: Float64Array,
  options: GrowOptions,
  random: Random,
): Tree {
  const feature: number[] = [];
  const bin: number[] = [];
  const right: number[] = [];
  const value: number[] = [];
  const finder = new SplitFinder(set, rows, counts, options, random);
  const stack: PendingNode[] = [{ start: 0, end: rows.length, depth: 0, rightOf: -1 }];
  while (stack.length > 0) {
    const node = stack.pop() as PendingNode;
    const id = feature.length;
    if (node.rightOf >= 0) right[node.rightOf] = id;
    const split = node.depth < options.maxDepth ? finder.best(node.start, node.end) : undefined;
    if (!split) {
      feature.push(-1);
      bin.push(0);
      right.push(-1);
      value.push(finder.lateFraction(node.start, node.end));
      continue;
    }
    feature.push(split.feature);
    bin.push(split.bin);
    right.push(-1);
    value.push(0);
    const middle = finder.partition(node.start, node.end, split);
    // Right pushed first so the left subtree is numbered immediately after its parent.
    stack.push({ start: middle, end: node.end, depth: node.depth + 1, rightOf: id });
    stack.push({ start: node.start, end: middle, depth: node.depth + 1, rightOf: -1 });
  }
  return {
    feature: Int32Array.from(feature),
    bin: Uint8Array.from(bin),
    right: Int32Array.from(right),
    value: Float64Array.from(value),
  };
}

class SplitFinder {
  private readonly weight0 = new Float64Array(256);
  private readonly weight1 = new Float64Array(256);
  private readonly rowCount = new Int32Array(256);
  private readonly features: Int32Array;

  constructor(
    private readonly set: BinnedSet,
    private readonly rows: Uint32Array,
    private readonly counts: Float64Array,
    private readonly options: GrowOptions,
    private readonly random: Random,
  ) {
    this.features = Int32Array.from({ length: set.nCols }, (_, j) => j);
  }

  /** The best split of rows[start, end), or undefined when no split improves purity. */
  best(start: number, end: number): Split | undefined {
    const { minSamplesLeaf, maxFeatures, classWeight } = this.options;
    if (end - start < 2 * minSamplesLeaf) return undefined;
    let total0 = 0;
    let total1 = 0;
    for (let k = start; k < end; k++) {
      const row = this.rows[k] as number;
      if (this.set.labels[row] === 1) total1 += this.counts[row] as number;
      else total0 += this.counts[row] as number;
    }
    if (total0 === 0 || total1 === 0) return undefined;
    const w0 = total0 * classWeight[0];
    const w1 = total1 * classWeight[1];
    const parentImpurity = giniMass(w0, w1);
    let bestScore = parentImpurity - 1e-12 * (w0 + w1);
    let best: Split | undefined;
    // Like scikit-learn: draw features without replacement until `maxFeatures` of them vary in this node.
    const { features } = this;
    let tried = 0;
    for (let k = 0; k < features.length && tried < maxFeatures; k++) {
      const swap = k + randomInt(this.random, features.length - k);
      const f = features[swap] as number;
      features[swap] = features[k] as number;
      features[k] = f;
      const nBins = this.set.nBins[f] as number;
      if (!this.fillHistogram(f, nBins, start, end)) continue;
      tried++;
      let left0 = 0;
      let left1 = 0;
      let leftRows = 0;
      const allRows = end - start;
      for (let b = 0; b < nBins - 1; b++) {
        left0 += this.weight0[b] as number;
        left1 += this.weight1[b] as number;
        leftRows += this.rowCount[b] as number;
        if (leftRows < minSamplesLeaf) continue;
        if (allRows - leftRows < minSamplesLeaf) break;
        const score = giniMass(left0, left1) + giniMass(w0 - left0, w1 - left1);
        if (score < bestScore) {
          bestScore = score;
          best = { feature: f, bin: b };
        }
      }
    }
    return best;
  }

  /** Fills the histograms of feature f over the node; false when the node has one bin only. */
  private fillHistogram(f: number, nBins: number, start: number, end: number): boolean {
    const { weight0, weight1, rowCount, rows, counts } = this;
    const { codes, nRows, labels } = this.set;
    const [cw0, cw1] = this.options.classWeight;
    weight0.fill(0, 0, nBins);
    weight1.fill(0, 0, nBins);
    rowCount.fill(0, 0, nBins);
    const offset = f * nRows;
    for (let k = start; k < end; k++) {
      const row = rows[k] as number;
      const b = codes[offset + row] as number;
      const count = counts[row] as number;
      rowCount[b] = (rowCount[b] as number) + 1;
      if (labels[row] === 1) weight1[b] = (weight1[b] as number) + count * cw1;
      else weight0[b] = (weight0[b] as number) + count * cw0;
    }
    let nonEmpty = 0;
    for (let b = 0; b < nBins && nonEmpty < 2; b++) if ((rowCount[b] as number) > 0) nonEmpty++;
    return nonEmpty >= 2;
  }

  /** Reorders rows[start, end) so the split's left rows come first; returns where the right ones begin. */
  partition(start: number, end: number, split: Split): number {
    const { rows } = this;
    const offset = split.feature * this.set.nRows;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if ((this.set.codes[offset + (rows[i] as number)] as number) <= split.bin) i++;
      else {
        const tmp = rows[i] as number;
        rows[i] = rows[j] as number;
        rows[j] = tmp;
        j--;
      }
    }
    return i;
  }

  /**
   * Share of late rows in the leaf, counted without class weights: weights shape the splits,
   * but the probability a manager reads must stay an observed frequency.
   */
  lateFraction(start: number, end: number): number {
    let late = 0;
    let all = 0;
    for (let k = start; k < end; k++) {
      const row = this.rows[k] as number;
      const count = this.counts[row] as number;
      all += count;
      if (this.set.labels[row] === 1) late += count;
    }
    return all === 0 ? 0 : late / all;
  }
}

/** Gini impurity times node weight: W − (w0² + w1²) / W. Summed over children, lower is better. */
function giniMass(w0: number, w1: number): number {
  const w = w0 + w1;
  return w === 0 ? 0 : w - (w0 * w0 + w1 * w1) / w;
}
