import type { Insight } from "../commands/answer.ts";
import { formatCount, formatInr, formatPercent, relativeChange } from "../format/numbers.ts";
import type { KpiMetrics } from "../kpis/kpis.ts";
import type { DigestThresholds } from "./options.ts";
import type { ZoneNegativeFeedback } from "./zone-feedback.ts";

export interface AlertInput {
  yesterday: KpiMetrics;
  /** The average day of the previous week; null when the week had no data. */
  weekAverage: KpiMetrics | null;
  /** The previous four weeks as a whole; null when they had no data. */
  fourWeeks: KpiMetrics | null;
  zones: ZoneNegativeFeedback[];
}

/**
 * The digest's alerts, each with its reason and the threshold it crossed, so a reader can
 * judge it without opening a dashboard. Pure: every number comes in through `input`.
 */
export function digestAlerts(input: AlertInput, t: DigestThresholds): Insight[] {
  return [
    ...roasAlert(input.yesterday, t),
    ...spendRevenueAlert(input.yesterday, input.weekAverage, t),
    ...lateRateAlert(input.yesterday, input.fourWeeks, t),
    ...input.zones.flatMap((zone) => zoneSpikeAlert(zone, t)),
  ];
}

function roasAlert(yesterday: KpiMetrics, t: DigestThresholds): Insight[] {
  if (yesterday.roas === null || yesterday.roas >= t.roasTarget) return [];
  return [
    {
      level: "warning",
      text: `ROAS was ${yesterday.roas.toFixed(2)}× (${formatInr(yesterday.revenue)} revenue on ${formatInr(yesterday.spend)} spend), below the ${t.roasTarget.toFixed(2)}× target.`,
    },
  ];
}

function spendRevenueAlert(yesterday: KpiMetrics, week: KpiMetrics | null, t: DigestThresholds): Insight[] {
  if (!week) return [];
  const spendChange = relativeChange(yesterday.spend, week.spend);
  const revenueChange = relativeChange(yesterday.revenue, week.revenue);
  if (spendChange === null || revenueChange === null || spendChange < t.spendRise) return [];
  if (Math.abs(revenueChange) > t.revenueFlatBand && revenueChange > 0) return [];
  const revenueWord = Math.abs(revenueChange) <= t.revenueFlatBand ? "flat" : "down";
  return [
    {
      level: "alert",
      text: `Spend up while revenue ${revenueWord}: spend ${formatInr(yesterday.spend)} vs ${formatInr(week.spend)} a day last week (${signed(spendChange)}), revenue ${formatInr(yesterday.revenue)} vs ${formatInr(week.revenue)} (${signed(revenueChange)}). Campaigns look underperforming (alert when spend rises ≥ ${formatPercent(t.spendRise, 0)} and revenue moves less than ±${formatPercent(t.revenueFlatBand, 0)} or falls).`,
    },
  ];
}

function lateRateAlert(yesterday: KpiMetrics, norm: KpiMetrics | null, t: DigestThresholds): Insight[] {
  if (yesterday.lateRate === null || norm?.lateRate == null) return [];
  if (yesterday.timedOrders < t.lateRateMinOrders) return [];
  const rise = yesterday.lateRate - norm.lateRate;
  if (rise <= t.lateRateRisePoints) return [];
  return [
    {
      level: "alert",
      text: `Late deliveries rose to ${formatPercent(yesterday.lateRate)} of ${formatCount(yesterday.timedOrders)} orders, ${points(rise)} above the 4-week norm of ${formatPercent(norm.lateRate)} (alert above +${points(t.lateRateRisePoints)}).`,
    },
  ];
}

function zoneSpikeAlert(zone: ZoneNegativeFeedback, t: DigestThresholds): Insight[] {
  // Without earlier days there is no norm, so nothing can be called a spike.
  const norm = zone.dailyNorm;
  if (norm === null || zone.count < t.negativeSpikeMinCount || zone.count < norm * t.negativeSpikeRatio) {
    return [];
  }
  const comparison =
    norm === 0
      ? "where there were none in the previous 4 weeks"
      : `${(zone.count / norm).toFixed(1)}× its 4-week norm of ${norm.toFixed(1)} a day`;
  return [
    {
      level: "alert",
      text: `Negative feedback spiked in the ${zone.zone} zone: ${formatCount(zone.count)} reviews rated 1–2, ${comparison} (alert at ${t.negativeSpikeRatio}× the norm and at least ${t.negativeSpikeMinCount}).`,
    },
  ];
}

function signed(change: number): string {
  return `${change >= 0 ? "+" : "−"}${formatPercent(Math.abs(change))}`;
}

function points(rate: number): string {
  return `${(rate * 100).toFixed(1)} pts`;
}
