import type { Quote } from "../commands/answer.ts";
import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { toQuote } from "./answer/extractive.ts";
import { groupByTheme } from "./answer/themes.ts";
import { COMPLAINT_MAX_RATING } from "./retrieve/question.ts";
import { type FeedbackGroupRow, toRetrievedFeedback } from "./retrieve/retrieve.ts";

export interface TopComplaintTheme {
  theme: string;
  /** Complaints (feedback rows rated 1–3) in the theme, of `total` complaints in the range. */
  count: number;
  total: number;
  /** The two most repeated texts of the theme, latest occurrence cited. */
  quotes: Quote[];
}

/**
 * The most frequent complaint theme over an inclusive range of business days, for the
 * morning digest. Extractive (no model, no embeddings), so it works before the index exists.
 */
export async function topComplaintTheme(
  db: Queryable,
  range: { from: string; to: string },
): Promise<TopComplaintTheme | null> {
  const { rows } = await db.query<FeedbackGroupRow>(sqlQuery("rag_feedback_groups"), [
    null,
    null,
    range.from,
    range.to,
    COMPLAINT_MAX_RATING,
    null,
  ]);
  const items = rows.map(toRetrievedFeedback);
  const [top] = groupByTheme(items);
  if (!top) return null;
  return {
    theme: top.theme.label,
    count: top.count,
    total: items.reduce((sum, item) => sum + item.occurrences, 0),
    quotes: top.items.slice(0, 2).map(toQuote),
  };
}
