import type { Quote } from "../../commands/answer.ts";
import type { RetrievedFeedback } from "../retrieve/retrieve.ts";
import { groupByTheme, type ThemeGroup } from "./themes.ts";

export interface ExtractiveSummary {
  themes: ThemeGroup<RetrievedFeedback>[];
  /** Feedback rows covered by the retrieved texts. */
  covered: number;
}

const MAX_THEMES = 4;
const QUOTES_PER_THEME = 2;
const SHORT_QUOTE = 160;

/** The retrieved feedback grouped into themes with counts: the answer when no model writes one. */
export function summariseExtractively(items: readonly RetrievedFeedback[]): ExtractiveSummary {
  return {
    themes: groupByTheme(items).slice(0, MAX_THEMES),
    covered: items.reduce((sum, item) => sum + item.occurrences, 0),
  };
}

export function themeLines(summary: ExtractiveSummary): string[] {
  return summary.themes.map((group) => {
    const share = summary.covered > 0 ? Math.round((group.count / summary.covered) * 100) : 0;
    const noun = group.count === 1 ? "complaint" : "complaints";
    return `${group.theme.label}: ${group.count} ${noun} (${share}% of those retrieved)`;
  });
}

export function themeRecommendations(summary: ExtractiveSummary): string[] {
  return summary.themes.map((group) => `${group.theme.label}: ${group.theme.recommendation}`);
}

/** Two short quotes per theme, the most repeated texts first. */
export function themeQuotes(summary: ExtractiveSummary): Quote[] {
  return summary.themes.flatMap((group) => group.items.slice(0, QUOTES_PER_THEME).map(toQuote));
}

export function toQuote(item: RetrievedFeedback): Quote {
  const text =
    item.text.length > SHORT_QUOTE ? `${item.text.slice(0, SHORT_QUOTE - 1).trimEnd()}…` : item.text;
  return {
    id: item.id,
    text: item.occurrences > 1 ? `${text} (×${item.occurrences})` : text,
    date: item.date,
    area: item.area,
    rating: item.rating,
  };
}
