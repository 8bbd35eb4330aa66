import type { Db } from "../db/types.ts";
import { loadDelayModel } from "./artifact.ts";
import { evaluateOnHoldout } from "./evaluate.ts";
import { lateRate } from "./metrics.ts";
import type { DelayModel, HoldoutMetrics, ModelMetadata } from "./model.ts";
import type { TrainReport } from "./train.ts";
import { trainingWarnings } from "./train.ts";
import { hashTrainingSet, loadTrainingSet, sliceSet, type TrainingSet } from "./training-data.ts";

export interface EvaluationReport {
  model: DelayModel;
  /** Whether the orders in the database are exactly those the model was trained on. */
  sameData: boolean;
  /**
   * Orders the saved forest was not fitted on: from the hold-out start for a model saved as
   * evaluated (--no-refit), after the newest order it was fitted on for a refit model.
   */
  unseenRows: number;
  /** Of those, the ones scored now (none when a refit model has too few to score). */
  evaluatedRows: number;
  metrics: HoldoutMetrics | null;
  /** Why nothing was scored, in words; null when metrics were computed. */
  notScored: string | null;
  warnings: string[];
}

/**
 * A refit model is scored only when this many orders newer than its training data exist (late
 * and on-time ones both): a ROC-AUC on a handful of orders would be noise.
 */
export const MIN_NEW_ORDERS_TO_SCORE = 100;

/**
 * Re-scores a saved model on the current data, on orders it was never fitted on only: for a
 * model saved as evaluated, every order from its hold-out start on (the old hold-out plus
 * anything newer); for a refit model, which has seen them all, only orders newer than its data.
 */
export async function evaluateSavedModel(db: Db, path: string): Promise<EvaluationReport> {
  const model = loadDelayModel(path);
  const { data } = model.metadata;
  const all = await loadTrainingSet(db, data.since);
  const split = firstUnseen(all, data);
  const seen = sliceSet(all, 0, split);
  const unseen = sliceSet(all, split, all.orders.length);
  const sameData = hashTrainingSet(all) === data.hash;
  const changed = sameData
    ? []
    : ["The data changed since training (orders added or edited); consider retraining."];
  const unscored = (notScored: string | null, warnings: string[]): EvaluationReport => ({
    model,
    sameData,
    unseenRows: unseen.orders.length,
    evaluatedRows: 0,
    metrics: null,
    notScored,
    warnings,
  });
  if (data.refit) {
    const lateOrders = unseen.labels.reduce((sum, y) => sum + y, 0);
    const scorable =
      unseen.orders.length >= MIN_NEW_ORDERS_TO_SCORE && lateOrders > 0 && lateOrders < unseen.orders.length;
    if (!scorable) return unscored(tooFewNewOrders(model, unseen.orders.length), changed);
  } else if (unseen.orders.length === 0) {
    return unscored(null, [
      "No orders on or after the model's hold-out start are in the database, so there is nothing to score.",
    ]);
  }
  const metrics = evaluateOnHoldout(
    model,
    lateRate(seen.labels) ?? model.metadata.trainLateRate,
    seen,
    unseen,
  );
  return {
    model,
    sameData,
    unseenRows: unseen.orders.length,
    evaluatedRows: unseen.orders.length,
    metrics,
    notScored: null,
    warnings: [...changed, ...trainingWarnings(metrics)],
  };
}

/** Index of the first order the saved forest was not fitted on (orders are oldest first). */
function firstUnseen(all: TrainingSet, data: ModelMetadata["data"]): number {
  const through = data.refit && data.fittedThrough !== null ? Date.parse(data.fittedThrough) : null;
  const holdoutFrom = Date.parse(data.holdoutFrom);
  const index = all.orderedAt.findIndex((at) =>
    through === null ? at.getTime() >= holdoutFrom : at.getTime() > through,
  );
  return index < 0 ? all.orders.length : index;
}

function tooFewNewOrders(model: DelayModel, newOrders: number): string {
  const { data } = model.metadata;
  const since = `since the model was trained on orders up to ${fittedThroughText(data)}`;
  const latest = "the training report's hold-out figures are the latest";
  return newOrders === 0
    ? `No orders ${since}; ${latest}.`
    : `Only ${newOrders} orders ${since}: too few to score (it takes ${MIN_NEW_ORDERS_TO_SCORE}, late and on-time ones both); ${latest}.`;
}

/** "2026-03-05 21:10 Asia/Kolkata": the newest order the saved forest saw, in the reporting zone. */
function fittedThroughText(data: ModelMetadata["data"]): string {
  if (data.fittedThrough === null) return data.to;
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: data.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(data.fittedThrough));
  return `${local.replace(", ", " ")} ${data.timeZone}`;
}

const pct = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);
const auc = (value: number | null) => (value === null ? "n/a" : value.toFixed(3));

/** The report `blinkit model eval` prints. */
export function formatEvaluationReport(report: EvaluationReport): string {
  const { metadata } = report.model;
  const { data } = metadata;
  const m = report.metrics;
  const dataState = report.sameData ? "unchanged since training" : "changed since training";
  const lines = data.refit
    ? [
        `Delivery-delay model ${metadata.modelVersion}, trained ${metadata.trainedAt.slice(0, 10)} on all ${data.fittedRows} orders up to ${fittedThroughText(data)}`,
        `  Hold-out ROC-AUC then: ${auc(metadata.metrics.rocAuc)} (same settings trained on the earlier 80 %)`,
        `  Data: ${dataState}${report.metrics ? `; ${report.evaluatedRows} newer orders scored now` : ""}`,
      ]
    : [
        `Delivery-delay model ${metadata.modelVersion}, trained ${metadata.trainedAt.slice(0, 10)} (hold-out ROC-AUC then: ${auc(metadata.metrics.rocAuc)})`,
        `  Data: ${dataState}; ${report.evaluatedRows} orders from the hold-out start on scored now`,
      ];
  if (report.notScored) lines.push(`  ${report.notScored}`);
  if (m) {
    lines.push(
      `  ROC-AUC now: forest ${auc(m.rocAuc)}, area late rate only ${auc(m.baselines.areaLateRate)}, single tree ${auc(m.baselines.singleTree)}`,
      `  Late rate ${pct(m.baseLateRate)}; flagged high (≥ ${pct(m.threshold)}): ${pct(m.flaggedRate)}, precision ${pct(m.precision)}, recall ${pct(m.recall)}`,
    );
  }
  if (report.warnings.length > 0) lines.push("", ...report.warnings.map((w) => `  ! ${w}`));
  return lines.join("\n");
}

/** The short report `blinkit model train` prints. */
export function formatTrainReport(report: TrainReport): string {
  const { metadata } = report.model;
  const { data } = metadata;
  const m = report.metrics;
  const h = metadata.hyperparameters;
  const split = `trained on the earliest ${data.trainRows}, tested on the latest ${data.testRows}`;
  const lines = [
    `Delivery-delay model ${metadata.modelVersion} (${(report.durationMs / 1000).toFixed(1)} s)`,
    ...(data.refit
      ? [
          `  Data: ${data.rows} delivered orders, ${data.from} → ${data.to}; ${split}, then refit on all ${data.fittedRows} (up to ${fittedThroughText(data)})`,
        ]
      : [
          `  Data: ${data.rows} delivered orders, ${data.from} → ${data.to}; ${split} (saved as tested: no refit)`,
        ]),
    `  Forest: ${h.nTrees} trees, depth ${h.maxDepth}, min leaf ${h.minSamplesLeaf}, area encoding ${metadata.areaEncoding} (picked on a validation slice of the training period)`,
    ...(metadata.recencyHalfLifeDays === null
      ? []
      : [
          `  Recent orders weigh more: half-life ${metadata.recencyHalfLifeDays} days (an order that old counts half as much as the newest)`,
        ]),
    "",
    data.refit ? "  Hold-out ROC-AUC (same settings trained on the earlier 80 %)" : "  Hold-out ROC-AUC",
    `    forest                  ${auc(m.rocAuc)}`,
    `    area late rate only     ${auc(m.baselines.areaLateRate)}`,
    `    single decision tree    ${auc(m.baselines.singleTree)}`,
    `  Late rate: ${pct(m.baseLateRate)} of hold-out orders; flagged as high risk (≥ ${pct(m.threshold)}): ${pct(m.flaggedRate)}, precision ${pct(m.precision)}, recall ${pct(m.recall)}`,
    "",
    report.saved ? `  Saved ${report.modelPath} and ${report.metricsPath}` : "  Not saved (dry run).",
  ];
  if (report.warnings.length > 0) lines.push("", ...report.warnings.map((w) => `  ! ${w}`));
  return lines.join("\n");
}
