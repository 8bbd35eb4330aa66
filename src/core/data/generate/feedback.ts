import {
  complaintText,
  lukewarmText,
  neutralText,
  PRAISE_TOPICS,
  type PraiseTopic,
  praiseText,
  type TextContext,
} from "./feedback-text.ts";
import { type ActiveIncident, type Cause, FEEDBACK_CATEGORY } from "./incidents.ts";
import { type Rng, WeightedTable } from "./rng.ts";

/** What one delivered order's customer wrote, before ids and dates are attached. */
export interface FeedbackDraft {
  rating: number;
  category: string;
  sentiment: "Positive" | "Neutral" | "Negative";
  text: string;
  /** Days after the order day the feedback was left. */
  dayOffset: number;
  /** The cause behind a complaint (not exported; lets tests check the planted signal). */
  cause: Cause | null;
}

export interface DeliveredOrder {
  /** Whole minutes past the promise; 0 when on time. */
  minutesLate: number;
  /** Planted incidents covering this order's city and day. */
  incidents: readonly ActiveIncident[];
  text: TextContext;
}

/** Everyday complaints unrelated to any incident, in proportion to how often they happen. */
const BACKGROUND_CAUSES = new WeightedTable<Cause>(
  [
    "stale_products",
    "damaged_packaging",
    "missing_items",
    "wrong_items",
    "high_prices",
    "payment_failure",
    "poor_support",
    "rude_partner",
    "refund_not_processed",
  ],
  [0.17, 0.15, 0.13, 0.08, 0.15, 0.1, 0.08, 0.08, 0.06],
);

/** Share of delivered orders that get feedback: late orders provoke more of it. */
const FEEDBACK_RATE = { onTime: 0.13, slightlyLate: 0.22, veryLate: 0.32 };

/** Rating 1…5 weights by how late the order was. */
const RATING_WEIGHTS = {
  onTime: [0.06, 0.07, 0.13, 0.3, 0.44],
  slightlyLate: [0.12, 0.18, 0.3, 0.25, 0.15],
  veryLate: [0.35, 0.3, 0.2, 0.1, 0.05],
};

const RATINGS = [1, 2, 3, 4, 5];
const RATING_TABLES = {
  onTime: new WeightedTable(RATINGS, RATING_WEIGHTS.onTime),
  slightlyLate: new WeightedTable(RATINGS, RATING_WEIGHTS.slightlyLate),
  veryLate: new WeightedTable(RATINGS, RATING_WEIGHTS.veryLate),
};

const PRAISE_ON_TIME = new WeightedTable<PraiseTopic>(PRAISE_TOPICS, [0.4, 0.25, 0.1, 0.1, 0.1, 0.05]);
const PRAISE_LATE = new WeightedTable<PraiseTopic>(PRAISE_TOPICS, [0.05, 0.4, 0.15, 0.15, 0.15, 0.1]);
const INCIDENT_RATING = new WeightedTable(RATINGS, [0.55, 0.35, 0.1, 0, 0]);
const DAY_OFFSET = new WeightedTable([0, 1, 2, 3], [0.55, 0.3, 0.1, 0.05]);

/** Decides whether a delivered order gets feedback and composes it; null when the customer stays silent. */
export function draftFeedback(rng: Rng, order: DeliveredOrder): FeedbackDraft | null {
  return incidentComplaint(rng, order) ?? ordinaryFeedback(rng, order);
}

function incidentComplaint(rng: Rng, order: DeliveredOrder): FeedbackDraft | null {
  for (const active of order.incidents) {
    const { causes, effects, kind } = active.incident;
    if (!rng.chance(effects.complaintShare)) continue;
    // Nobody complains of lateness about an order that came on time.
    const possible = causes.filter((c) => c !== "late_delivery" || order.minutesLate > 0);
    if (possible.length === 0) continue;
    const cause = rng.pick(possible);
    const rating = INCIDENT_RATING.draw(rng);
    const text =
      rating === 3
        ? neutralText(rng, cause, order.text)
        : complaintText(rng, cause, { ...order.text, rain: kind === "sales_drop" });
    return {
      rating,
      category: FEEDBACK_CATEGORY[cause],
      sentiment: sentimentOf(rating),
      text,
      dayOffset: kind === "sales_drop" ? 0 : DAY_OFFSET.draw(rng),
      cause,
    };
  }
  return null;
}

function ordinaryFeedback(rng: Rng, order: DeliveredOrder): FeedbackDraft | null {
  const band = order.minutesLate === 0 ? "onTime" : order.minutesLate <= 10 ? "slightlyLate" : "veryLate";
  if (!rng.chance(FEEDBACK_RATE[band])) return null;
  const rating = RATING_TABLES[band].draw(rng);
  const dayOffset = DAY_OFFSET.draw(rng);
  if (rating >= 4) {
    const topic = (band === "onTime" ? PRAISE_ON_TIME : PRAISE_LATE).draw(rng);
    return {
      rating,
      category: topic,
      sentiment: "Positive",
      text: praiseText(rng, topic, order.text),
      dayOffset,
      cause: null,
    };
  }
  const blameLateness = band !== "onTime" && rng.chance(band === "veryLate" ? 0.85 : 0.65);
  if (rating === 3 && !blameLateness && rng.chance(0.5)) {
    const topic = rng.pick(PRAISE_TOPICS);
    return {
      rating,
      category: topic,
      sentiment: "Neutral",
      text: lukewarmText(rng, topic, order.text),
      dayOffset,
      cause: null,
    };
  }
  const cause: Cause = blameLateness ? "late_delivery" : BACKGROUND_CAUSES.draw(rng);
  return {
    rating,
    category: FEEDBACK_CATEGORY[cause],
    sentiment: sentimentOf(rating),
    text: rating === 3 ? neutralText(rng, cause, order.text) : complaintText(rng, cause, order.text),
    dayOffset,
    cause,
  };
}

function sentimentOf(rating: number): FeedbackDraft["sentiment"] {
  return rating >= 4 ? "Positive" : rating === 3 ? "Neutral" : "Negative";
}
