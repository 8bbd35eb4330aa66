import type { CommandRegistry } from "./registry.ts";
import { splitCommandLine } from "./registry.ts";

/** Where a plain-language @-mention goes. */
export interface MentionRoute {
  command: "why" | "roas" | "delay-risk" | "help";
  /** The mention without the bot's tag, passed to the command as its arguments. */
  args: string;
}

// Slack's encoded mentions and specials: <@U123>, <@U123|name>, <!here>, <#C123|general>.
const SLACK_TOKENS = /<[@!#][^>]*>/g;
const WHY =
  /\b(why|unhappy|complain\w*|feedback|reviews?|angry|upset|dissatisf\w*|frustrat\w*|love|loved|praise\w*|compliment\w*|what do (?:customers|people) (?:like|say|think))\b/i;
const MONEY =
  /\b(roas|revenue|spend\w*|sales|campaigns?|marketing|roi|ads?|kpis?|numbers|performance|business|how (?:did|do|are|is) we (?:do|doing|perform\w*))\b/i;
const DELAY = /\b(late|lateness|delay\w*|risk\w*|on[- ]time|eta|hotspots?|worst)\b/i;

/**
 * Routes a mention by its words: "why / unhappy / complaints" (including why a number moved)
 * to /why, "ROAS / revenue / spend" to /roas, "late / delay / risk" to /delay-risk, anything
 * else to help. "Why" wins so "why did sales drop?" is explained rather than just charted.
 */
export function routeMention(text: string): MentionRoute {
  const args = text.replace(SLACK_TOKENS, " ").replace(/\s+/g, " ").trim();
  if (WHY.test(args)) return { command: "why", args };
  if (MONEY.test(args)) return { command: "roas", args };
  if (DELAY.test(args)) return { command: "delay-risk", args };
  return { command: "help", args: "" };
}

/**
 * Plain text typed to the bot (a Slack mention, a console line without a slash): a leading
 * command name wins ("roas 7d"), otherwise the words decide; "" means nothing fits (help).
 */
export function commandForText(registry: CommandRegistry, text: string): { command: string; args: string } {
  const { name, args } = splitCommandLine(text.replace(SLACK_TOKENS, " "));
  if (name && registry.get(name)) return { command: name, args };
  const routed = routeMention(text);
  return routed.command === "help" ? { command: "", args: "" } : routed;
}

/**
 * A typed line as a command line: "/roas 7d" as it is, anything else read like a Slack mention
 * ("why are customers upset?" → "/why …"); "" when nothing fits (the registry answers with help).
 */
export function commandLineFor(registry: CommandRegistry, line: string): string {
  if (line.startsWith("/")) return line;
  const { command, args } = commandForText(registry, line);
  return command ? `/${command} ${args}` : "";
}
