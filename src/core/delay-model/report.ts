import type { Db } from "../db/types.ts";
import { loadDelayModel } from "./artifact.ts";
import { evaluateOnHoldout } from "./evaluate.ts";
import { lateRate } from "./metrics.ts";
import type { DelayModel, HoldoutMetrics } from "./model.ts";
import type { TrainReport } from "./train.ts";
import { trainingWarnings } from "./train.ts";
import { hashTrainingSet, loadTrainingSet, sliceSet } from "./training-data.ts";

export interface EvaluationReport {
  model: DelayModel;
  /** Whether the orders in the database are exactly those the model was trained on. */
  sameData: boolean;
  /** Orders placed after the model's training period (its hold-out start), scored now. */
  evaluatedRows: number;
  metrics: HoldoutMetrics | null;
  warnings: string[];
}

/**
 * Re-scores a saved model on the current data: every order from the model's hold-out start on
 * (the old hold-out plus anything newer), so nothing it was trained on counts.
 */
export async function evaluateSavedModel(db: Db, path: string): Promise<EvaluationReport> {
  const model = loadDelayModel(path);
  const all = await loadTrainingSet(db, model.metadata.data.since);
  const holdoutFrom = new Date(model.metadata.data.holdoutFrom).getTime();
  const cut = all.orderedAt.findIndex((at) => at.getTime() >= holdoutFrom);
  const split = cut < 0 ? all.orders.length : cut;
  const train = sliceSet(all, 0, split);
  const unseen = sliceSet(all, split, all.orders.length);
  const sameData = hashTrainingSet(all) === model.metadata.data.hash;
  const warnings: string[] = [];
  if (unseen.orders.length === 0) {
    warnings.push(
      "No orders on or after the model's hold-out start are in the database, so there is nothing to score.",
    );
    return { model, sameData, evaluatedRows: 0, metrics: null, warnings };
  }
  const metrics = evaluateOnHoldout(
    model,
    lateRate(train.labels) ?? model.metadata.trainLateRate,
    train,
    unseen,
  );
  if (!sameData)
    warnings.push("The data changed since training (orders added or edited); consider retraining.");
  return {
    model,
    sameData,
    evaluatedRows: unseen.orders.length,
    metrics,
    warnings: [...warnings, ...trainingWarnings(metrics)],
  };
}

const pct = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);
const auc = (value: number | null) => (value === null ? "n/a" : value.toFixed(3));

/** The report `blinkit model eval` prints. */
export function formatEvaluationReport(report: EvaluationReport): string {
  const { metadata } = report.model;
  const m = report.metrics;
  const lines = [
    `Delivery-delay model ${metadata.modelVersion}, trained ${metadata.trainedAt.slice(0, 10)} (hold-out ROC-AUC then: ${auc(metadata.metrics.rocAuc)})`,
    `  Data: ${report.sameData ? "unchanged since training" : "changed since training"}; ${report.evaluatedRows} orders from the hold-out start on scored now`,
  ];
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
  const m = report.metrics;
  const h = metadata.hyperparameters;
  const lines = [
    `Delivery-delay model ${metadata.modelVersion} (${(report.durationMs / 1000).toFixed(1)} s)`,
    `  Data: ${metadata.data.rows} delivered orders, ${metadata.data.from} → ${metadata.data.to}; trained on the earliest ${metadata.data.trainRows}, tested on the latest ${metadata.data.testRows}`,
    `  Forest: ${h.nTrees} trees, depth ${h.maxDepth}, min leaf ${h.minSamplesLeaf}, area encoding ${metadata.areaEncoding} (picked on a validation slice of the training period)`,
    "",
    "  Hold-out ROC-AUC",
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
