import type { ThemeId } from "../taxonomy.ts";

/** How a complaint got its theme; answers say it, so a reader knows how far to trust the counts. */
export type ThemeMethod = "rules" | "model" | "llm";

export interface ThemeVerdict {
  theme: ThemeId;
  /** 0–1: the classifier's probability for `theme` (for `other` chosen by abstaining, the best rival's). */
  confidence: number;
  method: ThemeMethod;
}

/**
 * Puts one theme on each complaint text. `version` names the classifier and its weights; a stored
 * theme whose version differs from the running classifier's is re-themed.
 */
export interface ComplaintClassifier {
  readonly version: string;
  classify(texts: readonly string[]): Promise<ThemeVerdict[]>;
}
