import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { type DelayTarget, resolveDelayTarget } from "./areas.ts";
import { type Contribution, DAY_NAMES, explainRisk, formatHour, type RiskFunction } from "./explain.ts";
import { areaKey, isKnownArea, type PreDispatchOrder } from "./features.ts";
import { type DelayModel, lateProbability, type RiskBand, riskBand } from "./model.ts";
import { recommend } from "./recommend.ts";

export interface DelayRiskRequest {
  target: DelayTarget;
  hourOfDay: number;
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  promisedMinutes: number;
}

export interface ObservedRate {
  orders: number;
  lateRate: number | null;
}

export interface DelayHistory {
  /** The area (or zone) at this hour. */
  slot: ObservedRate;
  /** The area (or zone) at any hour. */
  area: ObservedRate;
  /** Every area at this hour. */
  hour: ObservedRate;
}

export interface ModelSummary {
  version: string;
  trainedAt: string;
  holdoutAuc: number | null;
  reliable: boolean;
  trainLateRate: number;
}

export interface DelayRiskResult {
  request: DelayRiskRequest;
  /** "HSR Layout" or "South zone". */
  label: string;
  /** In words: "HSR Layout, Saturday 9 pm, 10-min promise". */
  situation: string;
  probability: number;
  band: RiskBand;
  /** Per area of a zone (a single row for one area), busiest first. */
  areas: Array<{ area: string; orders: number; probability: number }>;
  contributions: Contribution[];
  history: DelayHistory;
  recommendations: string[];
  warnings: string[];
  model: ModelSummary;
}

/**
 * The late probability of an order placed in `target` at that hour and weekday with that promise,
 * with reasons, the observed late rate of the same slot, and what to do. A zone is the
 * order-weighted mix of its areas. Throws DelayInputError for an area it can't place.
 */
export async function predictDelayRisk(
  model: DelayModel,
  db: Queryable,
  request: DelayRiskRequest,
): Promise<DelayRiskResult> {
  const target = await resolveDelayTarget(db, request.target);
  const order: PreDispatchOrder = {
    hourOfDay: request.hourOfDay,
    dayOfWeek: request.dayOfWeek,
    area: target.label,
    promisedMinutes: request.promisedMinutes,
  };
  const risk = riskFunction(model, target.label, target.areas);
  const probability = risk(order);
  const band = riskBand(model.metadata.riskBands, probability);
  const contributions = explainRisk(risk, order, model.reference, {
    area: target.kind === "zone" ? `${target.label} areas` : undefined,
  });
  const warnings = [...target.warnings, ...unseenAreaWarnings(model, target.areas), ...modelWarnings(model)];
  return {
    request,
    label: target.label,
    situation: `${target.label}, ${DAY_NAMES[request.dayOfWeek]} ${formatHour(request.hourOfDay)}, ${Math.round(request.promisedMinutes)}-min promise`,
    probability,
    band,
    areas: target.areas.map((a) => ({
      ...a,
      probability: lateProbability(model, { ...order, area: a.area }),
    })),
    contributions,
    history: await slotHistory(
      db,
      target.areas.map((a) => a.area),
      request.hourOfDay,
    ),
    recommendations: recommend({ model, risk, order, band, contributions, label: target.label }),
    warnings,
    model: summariseModel(model),
  };
}

/**
 * Risk of an order: for the target label, the order-weighted mix of its areas (one area is a mix
 * of one); for any other area (a typical order's, during explanation), the model directly.
 */
function riskFunction(
  model: DelayModel,
  label: string,
  areas: Array<{ area: string; orders: number }>,
): RiskFunction {
  const weights = areas.map((a) => Math.max(a.orders, 1));
  const total = weights.reduce((s, w) => s + w, 0);
  return (order) => {
    if (order.area !== label) return lateProbability(model, order);
    let sum = 0;
    areas.forEach((a, i) => {
      sum += (weights[i] as number) * lateProbability(model, { ...order, area: a.area });
    });
    return sum / total;
  };
}

/**
 * Areas the training data never had (new since training). Areas it had but too few of for a
 * one-hot column are in the "other" bucket by design and need no warning.
 */
function unseenAreaWarnings(model: DelayModel, areas: Array<{ area: string; orders: number }>): string[] {
  const unseen = areas
    .filter(
      (a) =>
        a.orders > 0 &&
        !isKnownArea(model.encoding, a.area) &&
        !(areaKey(a.area) in model.encoding.areaNames),
    )
    .map((a) => a.area);
  if (unseen.length === 0) return [];
  const them = unseen.length === 1 ? "it" : "them";
  return [
    `The model was trained before any orders from ${unseen.slice(0, 5).join(", ")}${unseen.length > 5 ? "…" : ""}, so ${unseen.length === 1 ? "it is" : "they are"} scored as a typical ("other") area. Retrain to include ${them}.`,
  ];
}

/** The honesty rule: a weak model says so with every prediction. */
export function modelWarnings(model: DelayModel): string[] {
  const auc = model.metadata.metrics.rocAuc;
  if (model.metadata.reliable) return [];
  const { testRows, refit } = model.metadata.data;
  const ranked = refit
    ? `trained the same way without the latest ${testRows} orders, the model ranked late orders among them`
    : `on the latest ${testRows} orders the model ranked late orders`;
  return [
    `Predictions are unreliable for this data: ${ranked} above on-time ones only ${auc === null ? "an unknown share" : `${Math.round(auc * 100)}%`} of the time (ROC-AUC ${auc === null ? "n/a" : auc.toFixed(2)}; 0.5 is chance). Go by the observed late rates instead.`,
  ];
}

export function summariseModel(model: DelayModel): ModelSummary {
  return {
    version: model.metadata.modelVersion,
    trainedAt: model.metadata.trainedAt,
    holdoutAuc: model.metadata.metrics.rocAuc,
    reliable: model.metadata.reliable,
    trainLateRate: model.metadata.trainLateRate,
  };
}

/** Observed late rates for the areas at the hour, the areas overall, and all areas at the hour. */
export async function slotHistory(db: Queryable, areas: string[], hourOfDay: number): Promise<DelayHistory> {
  const { rows } = await db.query<Record<string, number | null>>(sqlQuery("delay_history"), [
    areas.map(areaKey),
    hourOfDay,
  ]);
  const row = rows[0] ?? {};
  const rate = (prefix: string): ObservedRate => ({
    orders: Number(row[`${prefix}_orders`] ?? 0),
    lateRate: row[`${prefix}_late_rate`] ?? null,
  });
  return { slot: rate("slot"), area: rate("area"), hour: rate("hour") };
}
