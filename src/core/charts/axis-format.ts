import type { Unit } from "../commands/answer.ts";
import { formatInrCompact, formatPercent } from "../format/numbers.ts";

/** Short tick labels: axes have room for "₹1.2L", not "₹1,20,000". */
export function formatAxisTick(value: number, unit: Unit): string {
  switch (unit) {
    case "inr":
      return formatInrCompact(value);
    case "ratio":
      return `${Number(value.toFixed(1))}×`;
    case "minutes":
      return `${Number(value.toFixed(1))} min`;
    case "percent":
      return formatPercent(value, 0);
    case "count":
      return COMPACT_COUNT.format(value);
    case "text":
      return String(value);
  }
}

/** Indian compact notation: 1.2K, 3.4L, 1.1Cr — the same scale words as the ₹ ticks. */
const COMPACT_COUNT = new Intl.NumberFormat("en-IN", { notation: "compact", maximumFractionDigits: 1 });

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Labels ending in an ISO date ("2026-11-03", "w/c 2026-11-03") get the date written as "3 Nov"
 * (with the year when the labels span several years); any other labels are shown as given.
 */
export function formatCategoryLabels(labels: readonly string[]): string[] {
  const dates = labels.map((label) => /^(.*?)(\d{4})-(\d{2})-(\d{2})$/.exec(label));
  if (labels.length === 0 || dates.some((match) => match === null)) return [...labels];
  const years = new Set(dates.map((match) => match?.[2]));
  return dates.map((match) => {
    const [, prefix = "", year = "", month = "", day = ""] = match ?? [];
    const text = `${prefix}${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
    return years.size > 1 ? `${text} ’${year.slice(2)}` : text;
  });
}
