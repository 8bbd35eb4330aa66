import type { AreaEncodingKind, FeatureEncoding, PreDispatchOrder } from "./features.ts";
import { encodeOrder } from "./features.ts";
import type { Forest, ForestOptions } from "./forest/forest.ts";
import { predictProbability } from "./forest/forest.ts";
import type { CalibrationBin } from "./metrics.ts";

export const MODEL_FORMAT = "blinkit-delivery-delay-model";

/** Which library grew the trees; both are stored and predicted the same way. */
export type EngineName = "histogram-forest" | "ml-random-forest";
export const ENGINE_NAMES: readonly EngineName[] = ["histogram-forest", "ml-random-forest"];
/** 2: records whether the saved forest was refit on all orders (data.refit, fittedRows, fittedThrough). */
export const MODEL_FORMAT_VERSION = 2;

/** Below this hold-out ROC-AUC the bot says predictions are unreliable instead of quoting them. */
export const RELIABLE_AUC = 0.6;

export interface HoldoutMetrics {
  rocAuc: number | null;
  /** Late share of the hold-out orders. */
  baseLateRate: number | null;
  /** Precision/recall when orders at or above the "high" band are flagged. */
  threshold: number;
  precision: number | null;
  recall: number | null;
  flaggedRate: number;
  brier: number | null;
  baselines: {
    /** ROC-AUC of ranking by the area's late rate in the training split. */
    areaLateRate: number | null;
    /** ROC-AUC of one decision tree on the same features (all features at every split). */
    singleTree: number | null;
  };
  calibration: CalibrationBin[];
}

/** Probability thresholds of the risk bands, derived from the training late rate. */
export interface RiskBands {
  lowBelow: number;
  highFrom: number;
}

export interface ModelMetadata {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  modelVersion: string;
  trainedAt: string;
  engine: EngineName;
  features: string[];
  featureColumns: string[];
  areaEncoding: AreaEncodingKind;
  hyperparameters: ForestOptions;
  /**
   * Recency weighting of the training orders: each counted 0.5^(age in days / this), age from
   * the newest order a forest was fitted on; null when every order counted the same (and in
   * files saved before the option existed).
   */
  recencyHalfLifeDays: number | null;
  data: {
    /** First and last business day of the orders used. */
    from: string;
    to: string;
    rows: number;
    trainRows: number;
    testRows: number;
    /** The first hold-out order's instant: everything before it trained the evaluated forest. */
    holdoutFrom: string;
    /**
     * Whether the saved forest was refit on every order (rows) after the hold-out evaluation;
     * false when it is the evaluated forest itself (trained on trainRows).
     */
    refit: boolean;
    /** Orders the saved forest, its area encoding, late rate and risk bands were fitted on. */
    fittedRows: number;
    /** Instant of the newest order the saved forest was fitted on; null in format-1 files. */
    fittedThrough: string | null;
    since: string | null;
    timeZone: string;
    /** sha256 of the rows used (ids, features, labels), to tell whether the data changed. */
    hash: string;
  };
  /** Late share of the fittedRows orders. */
  trainLateRate: number;
  /** Hold-out scores of the forest trained on trainRows; for a refit model, of its earlier twin. */
  metrics: HoldoutMetrics;
  /** What `metrics` measured, in words, for anyone reading the file. */
  metricsNote: string;
  riskBands: RiskBands;
  /** Hold-out ROC-AUC reached RELIABLE_AUC. */
  reliable: boolean;
}

export interface DelayModel {
  metadata: ModelMetadata;
  encoding: FeatureEncoding;
  forest: Forest;
  /** A sample of training orders: "a typical order" that explanations compare against. */
  reference: PreDispatchOrder[];
}

export function lateProbability(model: DelayModel, order: PreDispatchOrder): number {
  return predictProbability(model.forest, encodeOrder(model.encoding, order));
}

export type RiskBand = "low" | "medium" | "high";

/**
 * Bands relative to the usual late rate r of the training data: high from 1.5 × r (capped halfway
 * between r and certainty), low below 0.75 × r. A 30 % late rate gives low < 22.5 %, high ≥ 45 %.
 */
export function riskBandsFor(trainLateRate: number): RiskBands {
  return {
    lowBelow: 0.75 * trainLateRate,
    highFrom: Math.min(1.5 * trainLateRate, (1 + trainLateRate) / 2),
  };
}

export function riskBand(bands: RiskBands, probability: number): RiskBand {
  if (probability >= bands.highFrom) return "high";
  if (probability < bands.lowBelow) return "low";
  return "medium";
}

/** The metadata's metricsNote: which forest the hold-out figures belong to. */
export function metricsNoteFor(
  data: Pick<ModelMetadata["data"], "refit" | "rows" | "trainRows" | "testRows">,
): string {
  const scored = `trained on the earliest ${data.trainRows} orders and scored on the latest ${data.testRows}`;
  return data.refit
    ? `Hold-out metrics of the same settings ${scored}; the saved forest was then refit on all ${data.rows} orders.`
    : `Hold-out metrics of this forest, ${scored}.`;
}
