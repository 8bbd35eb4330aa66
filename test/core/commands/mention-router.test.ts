import { describe, expect, it } from "vitest";
import { routeMention } from "../../../src/core/commands/mention-router.ts";

describe("routing @-mentions", () => {
  it.each([
    [
      "<@U0BOT> why are customers unhappy in the South zone?",
      "why",
      "why are customers unhappy in the South zone?",
    ],
    [
      "<@U0BOT|blinkit> any complaints about packaging last week",
      "why",
      "any complaints about packaging last week",
    ],
    ["<@U0BOT> why did sales drop yesterday?", "why", "why did sales drop yesterday?"],
    ["<@U0BOT> what do customers love about us?", "why", "what do customers love about us?"],
    ["<@U0BOT> what was our ROAS last 30 days", "roas", "what was our ROAS last 30 days"],
    ["<@U0BOT> revenue vs spend this month", "roas", "revenue vs spend this month"],
    ["<@U0BOT> how are sales looking", "roas", "how are sales looking"],
    ["<@U0BOT> how did we do in October?", "roas", "how did we do in October?"],
    ["<@U0BOT> show me the numbers for last week", "roas", "show me the numbers for last week"],
    [
      "<@U0BOT> which deliveries are at risk of being late today",
      "delay-risk",
      "which deliveries are at risk of being late today",
    ],
    ["<@U0BOT> delay risk for Pune at 8pm", "delay-risk", "delay risk for Pune at 8pm"],
    [
      "<@U0BOT> which hours are worst for Chennai on Sunday?",
      "delay-risk",
      "which hours are worst for Chennai on Sunday?",
    ],
  ])("%s → /%s", (text, command, args) => {
    expect(routeMention(text)).toEqual({ command, args });
  });

  it("sends anything else, and a bare mention, to help", () => {
    expect(routeMention("<@U0BOT> hello there")).toEqual({ command: "help", args: "" });
    expect(routeMention("<@U0BOT>")).toEqual({ command: "help", args: "" });
  });

  it("strips Slack specials so they never reach a command", () => {
    expect(routeMention("<@U0BOT> <!channel> why late <#C1|ops>").args).toBe("why late");
  });

  it("does not mistake words that merely contain a keyword", () => {
    expect(routeMention("<@U0BOT> tell me about adsorption and whys").command).toBe("help");
  });
});
