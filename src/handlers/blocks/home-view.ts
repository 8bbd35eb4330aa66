import type { types } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import type { Command } from "../../core/commands/registry.ts";
import { contextBlock, mrkdwnSection, renderAnswer } from "./answer-blocks.ts";
import { escapeSlack, LIMITS } from "./escape.ts";

const OVERVIEW =
  "I bring Blinkit's scattered data into one place and answer in Slack: *marketing ROI* (revenue vs spend, ROAS, " +
  "with the dual-axis chart), *delivery-delay risk* predicted before dispatch, and *why customers are unhappy*, " +
  "summarised from their own feedback. Ask with a slash command or by mentioning me.";

export interface HomeContent {
  /** Answers shown as panels, e.g. the last 30 days of KPIs. */
  panels: readonly Answer[];
  commands: readonly Command[];
  now: Date;
}

export function homeView({ panels, commands, now }: HomeContent): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Blinkit decision bot", emoji: true } },
    mrkdwnSection(OVERVIEW),
    { type: "divider" },
    ...panels.flatMap((panel) => [
      ...renderAnswer(panel, { withActions: false, maxBlocks: 20 }).blocks,
      { type: "divider" } as types.DividerBlock,
    ]),
    { type: "header", text: { type: "plain_text", text: "Commands", emoji: true } },
    ...commands.map(commandBlock),
    contextBlock(`Updated ${slackDate(now)}. Reopen this tab to refresh.`),
  ];
  return { type: "home", blocks: blocks.slice(0, LIMITS.homeBlocks) };
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
