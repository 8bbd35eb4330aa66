/**
 * Evaluation measures for a late/on-time score. All take probabilities (or any score where higher
 * means "more likely late") and 0/1 labels of the same length.
 */

/**
 * ROC-AUC: the chance a random late order scores above a random on-time one, ties counting half.
 * Computed from average ranks (Mann–Whitney U). Null when either class is missing.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkLengths(scores, labels);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  let positives = 0;
  let positiveRankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    const score = scores[order[i] as number] as number;
    while (j + 1 < order.length && scores[order[j + 1] as number] === score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface ThresholdMetrics {
  threshold: number;
  precision: number | null;
  recall: number | null;
  /** Share of orders flagged at this threshold. */
  flaggedRate: number;
}

/** Precision and recall when every order scoring at least `threshold` is flagged as late. */
export function metricsAtThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): ThresholdMetrics {
  checkLengths(scores, labels);
  let truePositives = 0;
  let flagged = 0;
  let late = 0;
  for (let i = 0; i < scores.length; i++) {
    const isFlagged = (scores[i] as number) >= threshold;
    const isLate = labels[i] === 1;
    if (isFlagged) flagged++;
    if (isLate) late++;
    if (isFlagged && isLate) truePositives++;
  }
  return {
    threshold,
    precision: flagged === 0 ? null : truePositives / flagged,
    recall: late === 0 ? null : truePositives / late,
    flaggedRate: scores.length === 0 ? 0 : flagged / scores.length,
  };
}

export interface CalibrationBin {
  /** 1 = the tenth of orders with the lowest predicted risk. */
  decile: number;
  count: number;
  meanPredicted: number;
  observedLateRate: number;
}

/** Orders sorted by predicted risk, cut into ten near-equal groups: predicted vs observed late rate. */
export function calibrationByDecile(scores: ArrayLike<number>, labels: ArrayLike<number>): CalibrationBin[] {
  checkLengths(scores, labels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[a] as number) - (scores[b] as number),
  );
  const bins: CalibrationBin[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    if (to <= from) continue;
    let predicted = 0;
    let late = 0;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      predicted += scores[i] as number;
      late += labels[i] === 1 ? 1 : 0;
    }
    const count = to - from;
    bins.push({ decile: d + 1, count, meanPredicted: predicted / count, observedLateRate: late / count });
  }
  return bins;
}

/** Mean squared difference between probability and outcome (lower is better; 0.25 = coin flip). */
export function brierScore(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkLengths(scores, labels);
  if (scores.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += ((scores[i] as number) - (labels[i] as number)) ** 2;
  return sum / scores.length;
}

export function lateRate(labels: ArrayLike<number>): number | null {
  if (labels.length === 0) return null;
  let late = 0;
  for (let i = 0; i < labels.length; i++) late += labels[i] === 1 ? 1 : 0;
  return late / labels.length;
}

function checkLengths(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new Error(`Got ${scores.length} scores for ${labels.length} labels.`);
  }
}
