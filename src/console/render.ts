import type { Answer, Fact } from "../core/commands/answer.ts";
import { changeTone, formatFactChange, formatFactValue } from "../core/format/fact.ts";

export interface RenderOptions {
  /** ANSI colours (only on a TTY). */
  color: boolean;
  /** Where the chart PNG was written, if it was. */
  chartPath?: string;
}

const ANSI = {
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  red: "\x1b[31m",
  green: "\x1b[32m",
  yellow: "\x1b[33m",
  reset: "\x1b[0m",
};

/** Renders an Answer as terminal text: the console's counterpart of the Block Kit renderer. */
export function renderAnswerText(answer: Answer, options: RenderOptions = { color: false }): string {
  const paint = (code: keyof typeof ANSI, text: string) =>
    options.color ? `${ANSI[code]}${text}${ANSI.reset}` : text;
  const out: string[] = [];
  if (answer.error) {
    out.push(paint("red", `✖ ${answer.error.message}`));
    if (answer.error.hint) out.push(`  ${answer.error.hint}`);
  } else {
    out.push(paint("bold", answer.title));
  }
  if (answer.subtitle) out.push(paint("dim", answer.subtitle));
  if (answer.facts.length > 0) {
    out.push("");
    out.push(...renderFacts(answer.facts, paint));
  }
  for (const insight of answer.insights) {
    const mark =
      insight.level === "alert"
        ? paint("red", "!")
        : insight.level === "warning"
          ? paint("yellow", "!")
          : "•";
    out.push("", `${mark} ${insight.text}`);
  }
  for (const section of answer.sections) {
    out.push("", paint("bold", section.heading), ...section.lines.map((line) => `  ${line}`));
  }
  if (answer.quotes.length > 0) {
    out.push("", paint("bold", "What customers said"));
    for (const quote of answer.quotes) {
      const meta = [quote.date, quote.area, quote.rating === null ? null : `${quote.rating}★`].filter(
        Boolean,
      );
      out.push(
        `  “${quote.text}” ${paint("dim", `— #${quote.id}${meta.length ? `, ${meta.join(", ")}` : ""}`)}`,
      );
    }
  }
  for (const table of answer.tables) out.push("", ...renderTable(table.columns, table.rows));
  if (options.chartPath) out.push("", paint("dim", `Chart: ${options.chartPath}`));
  for (const warning of answer.warnings) out.push(paint("yellow", `⚠ ${warning}`));
  if (answer.actions.length > 0) {
    out.push("", paint("dim", `Next: ${answer.actions.map((a) => a.command).join("   ")}`));
  }
  return out.join("\n");
}

function renderFacts(facts: Fact[], paint: (code: keyof typeof ANSI, text: string) => string): string[] {
  const labelWidth = Math.max(...facts.map((f) => f.label.length));
  const values = facts.map(formatFactValue);
  const valueWidth = Math.max(...values.map((v) => v.length));
  return facts.map((fact, i) => {
    const change = formatFactChange(fact);
    const tone = changeTone(fact);
    const changeText = change
      ? paint(tone === "good" ? "green" : tone === "bad" ? "red" : "dim", change)
      : "";
    const note = fact.note ? paint("dim", `  (${fact.note})`) : "";
    return `  ${fact.label.padEnd(labelWidth)}  ${(values[i] ?? "").padStart(valueWidth)}  ${changeText}${note}`;
  });
}

export function renderTable(columns: string[], rows: string[][]): string[] {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")}`.trimEnd();
  return [line(columns), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)];
}
