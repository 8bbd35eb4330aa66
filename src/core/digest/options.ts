import { INSIGHT_THRESHOLDS } from "../kpis/insights.ts";

/**
 * When the digest raises an alert. Defaults agree with /roas (INSIGHT_THRESHOLDS) so the two
 * never disagree about "spend up while revenue flat"; deployments override them from config.
 */
export interface DigestThresholds {
  /** Alert when yesterday's ROAS (revenue ÷ spend) is below this. */
  roasTarget: number;
  /** Spend at least this much above its 7-day average counts as "up" (0.2 = +20 %). */
  spendRise: number;
  /** Revenue within ± this of its 7-day average counts as "flat". */
  revenueFlatBand: number;
  /** Alert when yesterday's late rate exceeds its 4-week norm by this many points (0.05 = 5 pts). */
  lateRateRisePoints: number;
  /** Fewer timed deliveries than this and a late rate is noise: no late-rate alert. */
  lateRateMinOrders: number;
  /** A zone's negative feedback yesterday at least this many times its daily norm is a spike… */
  negativeSpikeRatio: number;
  /** …provided it is at least this many reviews. */
  negativeSpikeMinCount: number;
  /** How many delay hotspots to list. */
  hotspotCount: number;
}

export const DEFAULT_DIGEST_THRESHOLDS: DigestThresholds = {
  roasTarget: 2,
  spendRise: INSIGHT_THRESHOLDS.spendRise,
  revenueFlatBand: INSIGHT_THRESHOLDS.revenueFlatBand,
  lateRateRisePoints: 0.05,
  lateRateMinOrders: 20,
  negativeSpikeRatio: 2,
  negativeSpikeMinCount: 5,
  hotspotCount: 5,
};

/** Days of history the comparisons use. */
export const DIGEST_WINDOWS = {
  /** "Yesterday vs the previous 7-day average". */
  comparisonDays: 7,
  /** The late-rate and negative-feedback norms. */
  normDays: 28,
  chartDays: 30,
  complaintDays: 7,
} as const;
