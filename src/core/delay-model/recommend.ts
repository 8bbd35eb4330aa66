import { type Contribution, formatHour, type RiskFunction } from "./explain.ts";
import type { PreDispatchOrder } from "./features.ts";
import { type DelayModel, type RiskBand, riskBand } from "./model.ts";

interface RecommendationInput {
  model: DelayModel;
  risk: RiskFunction;
  order: PreDispatchOrder;
  band: RiskBand;
  contributions: Contribution[];
  label: string;
}

const PADDING_STEPS = [5, 10, 15, 20];

/** What an operations manager can do about the risk, in words, most useful first. */
export function recommend(input: RecommendationInput): string[] {
  const { model, risk, order, band, contributions, label } = input;
  const slot = `${label} around ${formatHour(order.hourOfDay)}`;
  if (!model.metadata.reliable) {
    return [
      "Don't act on this percentage alone: plan riders for the slot from the observed late rates shown here.",
    ];
  }
  if (band === "low") return [`No action needed: risk is below the usual late rate for ${slot}.`];
  const lines: string[] = [];
  const padding = PADDING_STEPS.find((extra) => {
    const padded = risk({ ...order, promisedMinutes: order.promisedMinutes + extra });
    return riskBand(model.metadata.riskBands, padded) !== band;
  });
  if (padding !== undefined) {
    const padded = risk({ ...order, promisedMinutes: order.promisedMinutes + padding });
    lines.push(
      `Pad the promise to ${Math.round(order.promisedMinutes + padding)} min (+${padding}): predicted risk drops to ${Math.round(padded * 100)}%.`,
    );
  } else if (band === "high") {
    lines.push(`A longer promise barely lowers the risk here; the fix is capacity, not the promise.`);
  }
  const top = contributions.find((c) => c.delta > 0);
  if (top?.feature === "hour" || top?.feature === "day") {
    lines.push(`Add riders for ${slot}: the time slot is what drives the risk.`);
  } else if (top?.feature === "area") {
    lines.push(`Check rider supply and dark-store load in ${label}: the area itself drives the risk.`);
  } else if (band === "high") {
    lines.push(`Add riders for ${slot} or cap express promises there until the backlog clears.`);
  }
  return lines;
}
