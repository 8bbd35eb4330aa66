import type { FeatureMatrix } from "./matrix.ts";

/**
 * Per-feature split thresholds, computed once before any tree is grown. A value falls in bin b
 * when edges[b-1] < x <= edges[b]; values above the last edge fall in the last bin. Trees only
 * ever compare `x <= edges[b]`, so prediction needs no binning.
 */
export type BinEdges = Float64Array[];

export const MAX_BINS = 255;

export function computeBinEdges(matrix: FeatureMatrix, maxBins = MAX_BINS): BinEdges {
  if (maxBins < 2 || maxBins > MAX_BINS) throw new Error(`maxBins must be between 2 and ${MAX_BINS}.`);
  const edges: BinEdges = [];
  const column = new Float64Array(matrix.nRows);
  for (let j = 0; j < matrix.nCols; j++) {
    for (let i = 0; i < matrix.nRows; i++) {
      const value = matrix.values[i * matrix.nCols + j] as number;
      if (Number.isNaN(value))
        throw new Error(`Feature ${j} of row ${i} is NaN; encode missing values first.`);
      column[i] = value;
    }
    edges.push(edgesOfSortedColumn(column.slice().sort(), maxBins));
  }
  return edges;
}

function edgesOfSortedColumn(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  for (const value of sorted) if (distinct.at(-1) !== value) distinct.push(value);
  // The largest value never separates anything: every row satisfies x <= max.
  if (distinct.length <= maxBins) return Float64Array.from(distinct.slice(0, -1));
  const cuts: number[] = [];
  for (let k = 1; k < maxBins; k++) {
    const cut = sorted[Math.floor((k * sorted.length) / maxBins)] as number;
    if (cuts.at(-1) !== cut && cut !== distinct.at(-1)) cuts.push(cut);
  }
  return Float64Array.from(cuts);
}

/** Bin codes, column-major (`codes[j * nRows + i]`) so a node's histogram reads one column at a time. */
export function binMatrix(matrix: FeatureMatrix, edges: BinEdges): Uint8Array {
  const codes = new Uint8Array(matrix.nRows * matrix.nCols);
  for (let j = 0; j < matrix.nCols; j++) {
    const featureEdges = edges[j] as Float64Array;
    for (let i = 0; i < matrix.nRows; i++) {
      codes[j * matrix.nRows + i] = binOf(featureEdges, matrix.values[i * matrix.nCols + j] as number);
    }
  }
  return codes;
}

/** Index of the first edge >= value (binary search), or edges.length when above them all. */
export function binOf(edges: Float64Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
