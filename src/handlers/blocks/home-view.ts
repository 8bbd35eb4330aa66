import type { types } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import type { Command } from "../../core/commands/registry.ts";
import type { ModelMetadata } from "../../core/delay-model/model.ts";
import { formatCount, formatPercent } from "../../core/format/numbers.ts";
import { contextBlock, mrkdwnSection, renderAnswer } from "./answer-blocks.ts";
import { escapeSlack, LIMITS } from "./escape.ts";

const OVERVIEW =
  "I bring Blinkit's scattered data into one place and answer in Slack: *marketing ROI* (revenue vs spend, ROAS, " +
  "with the dual-axis chart), *delivery-delay risk* predicted before dispatch, and *why customers are unhappy*, " +
  "summarised from their own feedback. Ask with a slash command or by mentioning me.";

/** The delivery-delay model as the Home tab reports it: its metadata, or why there is none. */
export type ModelStatus =
  | { kind: "loaded"; metadata: ModelMetadata }
  | { kind: "missing"; message: string; hint?: string };

/** A command's answer shown on the Home tab, with the line that produced it. */
export interface HomePanel {
  commandLine: string;
  answer: Answer;
}

export interface HomeContent {
  /** Answers shown as panels, e.g. the last 30 days of KPIs. */
  panels: readonly HomePanel[];
  model: ModelStatus;
  commands: readonly Command[];
  now: Date;
}

export function homeView({ panels, model, commands, now }: HomeContent): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Blinkit decision bot", emoji: true } },
    mrkdwnSection(OVERVIEW),
    { type: "divider" },
    ...panels.flatMap(panelBlocks),
    { type: "header", text: { type: "plain_text", text: "Delivery-delay model", emoji: true } },
    mrkdwnSection(modelText(model)),
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Commands", emoji: true } },
    ...commands.map(commandBlock),
    contextBlock(`Updated ${slackDate(now)}. Reopen this tab to refresh.`),
  ];
  return { type: "home", blocks: blocks.slice(0, LIMITS.homeBlocks) };
}

function panelBlocks({ commandLine, answer }: HomePanel): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = renderAnswer(answer, { withActions: false, maxBlocks: 20 }).blocks;
  // Home tabs can't show an uploaded PNG reliably (a file shared nowhere is invalid in blocks),
  // so the chart stays with the answer in a conversation.
  if (answer.chart && !answer.error) {
    blocks.push(
      contextBlock(`:bar_chart: For the chart, type \`${escapeSlack(commandLine)}\` in a channel with me.`),
    );
  }
  blocks.push({ type: "divider" });
  return blocks;
}

function modelText(model: ModelStatus): string {
  if (model.kind === "missing") {
    return `${escapeSlack(model.message)}${model.hint ? `\n${escapeSlack(model.hint)}` : ""}`;
  }
  const { metrics, data, trainedAt, reliable } = model.metadata;
  const auc = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
  const lines = [
    `*Hold-out ROC-AUC ${auc(metrics.rocAuc)}* (area late-rate baseline ${auc(metrics.baselines.areaLateRate)}, single tree ${auc(metrics.baselines.singleTree)})`,
    `Flagging the high band: precision ${metrics.precision === null ? "n/a" : formatPercent(metrics.precision, 0)}, recall ${metrics.recall === null ? "n/a" : formatPercent(metrics.recall, 0)}; usual late rate ${metrics.baseLateRate === null ? "n/a" : formatPercent(metrics.baseLateRate, 0)}`,
    `Trained ${escapeSlack(trainedAt.slice(0, 10))} on ${formatCount(data.rows)} orders from ${escapeSlack(data.from)} to ${escapeSlack(data.to)}` +
      // A refit model learnt from every order; its hold-out figures come from its earlier twin.
      (data.refit
        ? ` (hold-out figures: the same settings trained on the earliest ${formatCount(data.trainRows)})`
        : ""),
  ];
  if (!reliable)
    lines.push(":warning: The model barely beats chance on this data: treat its percentages as rough.");
  return lines.join("\n");
}

function commandBlock(command: Command): types.SectionBlock {
  const examples = command.examples.map((example) => `\`${escapeSlack(example)}\``).join("  ");
  return mrkdwnSection(`*/${escapeSlack(command.name)}* — ${escapeSlack(command.summary)}\n${examples}`);
}

/** Slack renders this in each reader's own time zone. */
function slackDate(date: Date): string {
  const seconds = Math.floor(date.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} at {time}|${date.toISOString()}>`;
}
