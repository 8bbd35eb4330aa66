import type { Insight } from "../commands/answer.ts";
import { formatInr, formatPercent, relativeChange } from "../format/numbers.ts";
import type { KpiMetrics } from "./kpis.ts";

/**
 * Thresholds for the seed's headline insight ("spend up while revenue flat → campaigns are
 * underperforming"). Documented in README; exported so tests and the digest use the same numbers.
 */
export const INSIGHT_THRESHOLDS = {
  /** Spend must rise at least this much vs the previous period to count as "rose materially". */
  spendRise: 0.2,
  /** Revenue within ± this band counts as "flat". */
  revenueFlatBand: 0.05,
  /** Below this ROAS, the period's marketing returns less than 1× revenue per rupee: flagged. */
  roasFloor: 1,
} as const;

/** `previous` is null when there is no like-for-like comparison period. */
export function spendRevenueInsights(current: KpiMetrics, previous: KpiMetrics | null): Insight[] {
  const insights: Insight[] = [];
  const spendChange = previous && relativeChange(current.spend, previous.spend);
  const revenueChange = previous && relativeChange(current.revenue, previous.revenue);
  if (
    previous &&
    spendChange !== null &&
    revenueChange !== null &&
    spendChange >= INSIGHT_THRESHOLDS.spendRise
  ) {
    const numbers = `spend ${formatInr(previous.spend)} → ${formatInr(current.spend)} (+${formatPercent(spendChange)}), revenue ${formatInr(previous.revenue)} → ${formatInr(current.revenue)} (${signed(revenueChange)})`;
    if (Math.abs(revenueChange) <= INSIGHT_THRESHOLDS.revenueFlatBand) {
      insights.push({
        level: "alert",
        text: `Campaigns look underperforming: ${numbers}. The extra spend bought no extra revenue.`,
      });
    } else if (revenueChange < 0) {
      insights.push({
        level: "alert",
        text: `Campaigns look underperforming: ${numbers}. Revenue fell while spend rose.`,
      });
    } else if (revenueChange < spendChange) {
      const extraRevenue = current.revenue - previous.revenue;
      const extraSpend = current.spend - previous.spend;
      insights.push({
        level: "info",
        text: `Spend grew faster than revenue: ${numbers}. Each extra ₹1 of spend returned ₹${(extraRevenue / extraSpend).toFixed(2)} of revenue.`,
      });
    }
  }
  if (current.roas !== null && current.roas < INSIGHT_THRESHOLDS.roasFloor) {
    insights.push({
      level: "warning",
      text: `ROAS is ${current.roas.toFixed(2)}×: revenue did not cover marketing spend in this period.`,
    });
  }
  if (current.spend === 0 && current.days > 0) {
    insights.push({ level: "info", text: "No marketing spend in this period, so ROAS is not defined." });
  }
  return insights;
}

function signed(change: number): string {
  return `${change >= 0 ? "+" : "−"}${formatPercent(Math.abs(change))}`;
}
