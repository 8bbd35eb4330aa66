/**
 * The neutral answer every command returns. Slack (Block Kit), the terminal console and
 * `--json` only render it; no command knows which one will. All text fields are plain text:
 * renderers escape them for their medium.
 */
export type Unit = "inr" | "ratio" | "minutes" | "percent" | "count" | "text";

export interface Fact {
  label: string;
  unit: Unit;
  /** Null means "not defined" (e.g. ROAS with no spend); `nullText` says why. */
  value: number | null;
  nullText?: string;
  /** Text value for unit "text". */
  text?: string;
  /** The same measure over the comparison period, for ▲/▼ deltas. */
  previous?: number | null;
  /** Whether a rise is good news (revenue) or bad news (delay); renderers colour by it. */
  higherIsBetter?: boolean;
  note?: string;
}

export interface Insight {
  level: "info" | "warning" | "alert";
  text: string;
}

export interface Section {
  heading: string;
  lines: string[];
}

export interface Quote {
  id: string;
  text: string;
  date: string | null;
  area: string | null;
  rating: number | null;
}

export interface ChartSeries {
  label: string;
  kind: "line" | "bar";
  axis: "left" | "right";
  unit: Unit;
  values: Array<number | null>;
}

export interface ChartSpec {
  title: string;
  labels: string[];
  series: ChartSeries[];
}

export interface Table {
  columns: string[];
  rows: string[][];
}

/** A follow-up the user can take: a button in Slack, a suggestion in the console. */
export interface NextAction {
  id: string;
  label: string;
  /** The command line it runs, e.g. "/roas 7d". */
  command: string;
  primary?: boolean;
}

export interface AnswerError {
  /** What happened, in words a manager understands. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export interface Answer {
  /** The command that produced it, e.g. "roas". */
  command: string;
  title: string;
  subtitle?: string;
  facts: Fact[];
  insights: Insight[];
  sections: Section[];
  quotes: Quote[];
  tables: Table[];
  chart?: ChartSpec;
  actions: NextAction[];
  /** Non-fatal caveats shown with the answer (stale index, weak model, unmapped areas…). */
  warnings: string[];
  /** Set when the command could not answer; Slack shows these only to the asker. */
  error?: AnswerError;
  /** Help and errors are private by default; results go to the channel. */
  visibility: "ephemeral" | "in_channel";
  /** Machine-readable payload for `--json`. */
  data?: unknown;
}

export function answer(command: string, title: string, fields: Partial<Answer> = {}): Answer {
  return {
    command,
    title,
    facts: [],
    insights: [],
    sections: [],
    quotes: [],
    tables: [],
    actions: [],
    warnings: [],
    visibility: "in_channel",
    ...fields,
  };
}

export function errorAnswer(
  command: string,
  message: string,
  hint?: string,
  fields: Partial<Answer> = {},
): Answer {
  return answer(command, "Sorry, I couldn't answer that", {
    ...fields,
    error: { message, hint },
    visibility: "ephemeral",
  });
}
