import { encodeOrders, fitEncoding } from "./features.ts";
import { predictMatrix, trainForest } from "./forest/forest.ts";
import { brierScore, calibrationByDecile, lateRate, metricsAtThreshold, rocAuc } from "./metrics.ts";
import { type DelayModel, type HoldoutMetrics, riskBandsFor } from "./model.ts";
import type { TrainingSet } from "./training-data.ts";

/** The parts of a model that turn orders into probabilities. */
export type Predictor = Pick<DelayModel, "encoding" | "forest">;

/** Late probabilities of the model for every order of a set. */
export function predictSet(model: Predictor, set: TrainingSet): Float64Array {
  return predictMatrix(model.forest, encodeOrders(model.encoding, set.orders));
}

/**
 * Scores the model on a hold-out set and compares it with two baselines trained on `train`
 * only: ranking by the area's late rate, and one decision tree on the same features.
 */
export function evaluateOnHoldout(
  model: Predictor,
  trainLateRate: number,
  train: TrainingSet,
  holdout: TrainingSet,
): HoldoutMetrics {
  const probabilities = predictSet(model, holdout);
  const labels = holdout.labels;
  const threshold = riskBandsFor(trainLateRate).highFrom;
  const atThreshold = metricsAtThreshold(probabilities, labels, threshold);
  return {
    rocAuc: rocAuc(probabilities, labels),
    baseLateRate: lateRate(labels),
    threshold,
    precision: atThreshold.precision,
    recall: atThreshold.recall,
    flaggedRate: atThreshold.flaggedRate,
    brier: brierScore(probabilities, labels),
    baselines: {
      areaLateRate: areaLateRateBaseline(train, holdout),
      singleTree: singleTreeBaseline(model, train, holdout),
    },
    calibration: calibrationByDecile(probabilities, labels),
  };
}

/** Ranks hold-out orders by their area's late rate in the training split (unknown areas: overall rate). */
export function areaLateRateBaseline(train: TrainingSet, holdout: TrainingSet): number | null {
  const encoding = fitEncoding(train.orders, train.labels, "target");
  const matrix = encodeOrders(encoding, holdout.orders);
  const areaColumn = matrix.nCols - 1;
  const scores = Float64Array.from(
    { length: matrix.nRows },
    (_, i) => matrix.values[i * matrix.nCols + areaColumn] as number,
  );
  return rocAuc(scores, holdout.labels);
}

/** One CART-style tree (no bootstrap, every feature at every split) with the model's depth and leaf size. */
function singleTreeBaseline(model: Predictor, train: TrainingSet, holdout: TrainingSet): number | null {
  const encoding = fitEncoding(train.orders, train.labels, model.encoding.kind);
  const { maxDepth, minSamplesLeaf, classWeight } = model.forest.options;
  const tree = trainForest(encodeOrders(encoding, train.orders), train.labels, {
    nTrees: 1,
    bootstrap: false,
    maxFeatures: "all",
    maxDepth,
    minSamplesLeaf,
    classWeight,
  });
  return rocAuc(predictMatrix(tree, encodeOrders(encoding, holdout.orders)), holdout.labels);
}
