import type { Fact } from "../commands/answer.ts";
import { formatChange, formatCount, formatInr, formatPercent, relativeChange } from "./numbers.ts";

/** A fact's value as text, the same in Slack and the console. */
export function formatFactValue(fact: Fact): string {
  if (fact.unit === "text") return fact.text ?? "";
  if (fact.value === null) return fact.nullText ?? "n/a";
  return formatValue(fact.value, fact.unit);
}

export function formatValue(value: number, unit: Fact["unit"]): string {
  switch (unit) {
    case "inr":
      return formatInr(value);
    case "ratio":
      return `${value.toFixed(2)}×`;
    case "minutes":
      return `${value.toFixed(1)} min`;
    case "percent":
      return formatPercent(value);
    case "count":
      return formatCount(value);
    case "text":
      return String(value);
  }
}

/** "▲ 12.3% vs previous period", or undefined when the fact carries no comparison. */
export function formatFactChange(fact: Fact): string | undefined {
  if (fact.previous === undefined) return undefined;
  if (fact.value === null || fact.previous === null) return "change n/a";
  if (fact.unit === "percent") {
    const points = (fact.value - fact.previous) * 100;
    const arrow = points > 0.05 ? "▲" : points < -0.05 ? "▼" : "—";
    return `${arrow} ${Math.abs(points).toFixed(1)} pts`;
  }
  return formatChange(relativeChange(fact.value, fact.previous));
}

/** Whether the change is good news, bad news or neither — for colour/emoji choices. */
export function changeTone(fact: Fact): "good" | "bad" | "neutral" {
  if (fact.previous === undefined || fact.previous === null || fact.value === null) return "neutral";
  if (fact.higherIsBetter === undefined || fact.value === fact.previous) return "neutral";
  return fact.value > fact.previous === fact.higherIsBetter ? "good" : "bad";
}
