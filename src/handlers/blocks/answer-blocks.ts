import type { types } from "@slack/bolt";
import type { Answer, Fact, Insight, NextAction, Quote, Section, Table } from "../../core/commands/answer.ts";
import { changeTone, formatFactChange, formatFactValue } from "../../core/format/fact.ts";
import { escapeSlack, LIMITS, truncate, truncateEscaped } from "./escape.ts";

type Block = types.KnownBlock;

export interface RenderedMessage {
  /** Notification/fallback text (mrkdwn, escaped). */
  text: string;
  blocks: Block[];
}

export interface RenderContext {
  /** Slack user id of the asker, shown as "Asked by @…" on channel answers. */
  requester?: string;
  /** The command line that produced the answer, as typed. */
  commandLine?: string;
  /** Set when the answer will be shown with buttons that re-run commands. Default true. */
  withActions?: boolean;
  /** Cap on the number of blocks: 50 in messages, 100 in the home tab and modals. */
  maxBlocks?: number;
}

/** Prefix of every button that re-runs a command; the action handler matches on it. */
export const RUN_COMMAND_ACTION = "run_command";

const INSIGHT_EMOJI: Record<Insight["level"], string> = {
  info: ":bulb:",
  warning: ":warning:",
  alert: ":rotating_light:",
};

const TONE_EMOJI = { good: " :large_green_circle:", bad: " :red_circle:", neutral: "" } as const;

/** Block Kit for an Answer: the one Slack view of every command. */
export function renderAnswer(answer: Answer, context: RenderContext = {}): RenderedMessage {
  const blocks: Block[] = [
    ...(answer.error ? errorBlocks(answer) : headerBlocks(answer)),
    ...factBlocks(answer.facts),
    ...answer.insights.map(insightBlock),
    ...answer.sections.flatMap(sectionBlocks),
    ...quoteBlocks(answer.quotes),
    ...answer.tables.flatMap(tableBlocks),
    ...warningBlocks(answer.warnings),
    ...(context.withActions === false ? [] : actionBlocks(answer.actions)),
    ...askedByBlocks(context),
  ];
  return { text: fallbackText(answer), blocks: capBlocks(blocks, context.maxBlocks ?? LIMITS.messageBlocks) };
}

function headerBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [
    {
      type: "header",
      text: { type: "plain_text", text: truncate(answer.title, LIMITS.headerText), emoji: true },
    },
  ];
  if (answer.subtitle) blocks.push(contextBlock(escapeSlack(answer.subtitle)));
  return blocks;
}

function errorBlocks(answer: Answer): Block[] {
  const error = answer.error;
  if (!error) return [];
  const hint = error.hint ? `\n${escapeSlack(error.hint)}` : "";
  return [mrkdwnSection(`:warning: *${escapeSlack(error.message)}*${hint}`)];
}

/** KPI cards: two columns of fields, at most ten per section (Slack's limit). */
function factBlocks(facts: readonly Fact[]): Block[] {
  const blocks: Block[] = [];
  for (let start = 0; start < facts.length; start += 10) {
    blocks.push({
      type: "section",
      fields: facts.slice(start, start + 10).map((fact) => ({ type: "mrkdwn", text: factText(fact) })),
    });
  }
  return blocks;
}

export function factText(fact: Fact): string {
  const lines = [`*${escapeSlack(fact.label)}*`, escapeSlack(formatFactValue(fact))];
  const change = formatFactChange(fact);
  if (change) {
    // No colour for an undefined change (previous period empty): there is no news to colour.
    const tone = change.includes("n/a") ? "" : TONE_EMOJI[changeTone(fact)];
    lines.push(`${escapeSlack(change)} vs previous period${tone}`);
  }
  if (fact.note) lines.push(`_${escapeSlack(fact.note)}_`);
  return truncateEscaped(lines.join("\n"), LIMITS.field);
}

function insightBlock(insight: Insight): Block {
  return mrkdwnSection(`${INSIGHT_EMOJI[insight.level]} ${escapeSlack(insight.text)}`);
}

/** Long sections are split across blocks rather than cut: a help list or a SQL view must stay whole. */
function sectionBlocks(section: Section): Block[] {
  const code = looksLikeCode(section);
  const heading = `*${escapeSlack(section.heading)}*`;
  const chunks = chunkLines(
    section.lines.map((line) => escapeSlack(line)),
    LIMITS.sectionText - heading.length - 10,
  );
  if (chunks.length === 0) return [mrkdwnSection(heading)];
  return chunks.map((chunk, index) => {
    const body = code ? `\`\`\`${chunk}\`\`\`` : chunk;
    return mrkdwnSection(index === 0 ? `${heading}\n${body}` : body);
  });
}

/** A section named after a source file (e.g. "sql/master_analytical_view.sql") holds code. */
function looksLikeCode(section: Section): boolean {
  return /\.(sql|ts|json|ya?ml)$/i.test(section.heading.trim());
}

function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = truncateEscaped(raw, max);
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function quoteBlocks(quotes: readonly Quote[]): Block[] {
  return quotes.map((quote) => {
    const body = escapeSlack(quote.text)
      .split("\n")
      .map((line) => `>${line}`)
      .join("\n");
    const meta = [quote.area, quote.date, quote.rating === null ? null : ratingStars(quote.rating), quote.id]
      .filter((part): part is string => Boolean(part))
      .map(escapeSlack)
      .join(" · ");
    return mrkdwnSection(truncateEscaped(`${body}\n— ${meta}`, LIMITS.sectionText));
  });
}

function ratingStars(rating: number): string {
  const stars = Math.max(0, Math.min(5, Math.round(rating)));
  return `${"★".repeat(stars)}${"☆".repeat(5 - stars)}`;
}

/** Tables as monospace text: Block Kit's table block is not available to every workspace. */
function tableBlocks(table: Table): Block[] {
  const rows = [table.columns, ...table.rows];
  const widths = table.columns.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const lines = rows.map((row) =>
    widths
      .map((width, column) => (row[column] ?? "").padEnd(width))
      .join("  ")
      .trimEnd(),
  );
  return chunkLines(lines.map(escapeSlack), LIMITS.sectionText - 6).map((chunk) =>
    mrkdwnSection(`\`\`\`${chunk}\`\`\``),
  );
}

function warningBlocks(warnings: readonly string[]): Block[] {
  if (warnings.length === 0) return [];
  return [
    contextBlock(
      truncateEscaped(
        warnings.map((w) => `:information_source: ${escapeSlack(w)}`).join("\n"),
        LIMITS.contextText,
      ),
    ),
  ];
}

function actionBlocks(actions: readonly NextAction[]): Block[] {
  if (actions.length === 0) return [];
  return [{ type: "actions", elements: actions.slice(0, 25).map(actionButton) }];
}

export function actionButton(action: NextAction): types.Button {
  return {
    type: "button",
    action_id: `${RUN_COMMAND_ACTION}:${action.id}`,
    text: { type: "plain_text", text: truncate(action.label, LIMITS.buttonText), emoji: true },
    value: truncate(action.command, LIMITS.buttonValue),
    ...(action.primary ? { style: "primary" as const } : {}),
  };
}

function askedByBlocks(context: RenderContext): Block[] {
  const parts: string[] = [];
  // Slack user ids are [A-Z0-9]; anything else is not an id and must not become a mention.
  if (context.requester && /^[UW][A-Z0-9]+$/.test(context.requester))
    parts.push(`Asked by <@${context.requester}>`);
  if (context.commandLine) parts.push(`\`${escapeSlack(context.commandLine).replace(/`/g, "'")}\``);
  return parts.length === 0 ? [] : [contextBlock(truncateEscaped(parts.join(" · "), LIMITS.contextText))];
}

function fallbackText(answer: Answer): string {
  if (answer.error) {
    return truncateEscaped(
      escapeSlack([answer.error.message, answer.error.hint].filter(Boolean).join(" ")),
      LIMITS.fallbackText,
    );
  }
  const facts = answer.facts.map((fact) => `${fact.label}: ${formatFactValue(fact)}`);
  return truncateEscaped(escapeSlack([answer.title, ...facts].join(" · ")), LIMITS.fallbackText);
}

/** Keeps a message under Slack's block limit, saying so instead of failing the whole post. */
function capBlocks(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  return [
    ...blocks.slice(0, max - 1),
    contextBlock("_Shortened to fit in Slack; the terminal shows it all._"),
  ];
}

export function mrkdwnSection(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncateEscaped(text, LIMITS.sectionText) } };
}

export function contextBlock(text: string): types.ContextBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}
