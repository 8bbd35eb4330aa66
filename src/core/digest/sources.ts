import type { Quote } from "../commands/answer.ts";

/** One area × hour slot of the day with a high predicted chance of late delivery. */
export interface DelayHotspot {
  area: string;
  /** Local hour the slot starts, 0–23. */
  hour: number;
  /** Predicted probability that an order in this slot is late. */
  probability: number;
  /** Orders such a slot usually brings, when known. */
  expectedOrders?: number;
}

export interface HotspotReport {
  hotspots: DelayHotspot[];
  /** Caveats worth printing under the list (an unreliable model, no history for this weekday). */
  notes: string[];
}

/** The most frequent complaint theme of a period, with two customers' own words. */
export interface ComplaintTheme {
  theme: string;
  count: number;
  /** All complaints in the period, when known, to show the theme's share. */
  total?: number;
  quotes: Quote[];
}

/**
 * Thrown by a source that cannot answer for a reason the reader should see (no model trained,
 * no feedback indexed): the digest shows the message in that section instead of failing.
 */
export class SourceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceUnavailableError";
  }
}

/**
 * Capabilities the digest borrows from other modules (delay model, feedback themes). Each is
 * optional: a missing one makes its section say "not available yet" instead of vanishing.
 */
export interface DigestSources {
  /** The riskiest slots of `day` (the morning's date), riskiest first. */
  hotspots?: (day: string, limit: number) => Promise<HotspotReport>;
  /** The top complaint theme over an inclusive day range, or null when there were no complaints. */
  complaintTheme?: (range: { from: string; to: string }) => Promise<ComplaintTheme | null>;
}
