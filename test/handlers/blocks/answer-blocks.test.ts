import { describe, expect, it } from "vitest";
import { type Answer, answer, errorAnswer } from "../../../src/core/commands/answer.ts";
import { RUN_COMMAND_ACTION, renderAnswer } from "../../../src/handlers/blocks/answer-blocks.ts";
import { escapeSlack } from "../../../src/handlers/blocks/escape.ts";

function kpiAnswer(fields: Partial<Answer> = {}): Answer {
  return answer("roas", "ROAS & revenue — last 30 days", {
    subtitle: "2026-10-27 to 2026-11-25 (30 days)",
    facts: [
      { label: "Total Revenue", unit: "inr", value: 1234567, previous: 1122334, higherIsBetter: true },
      { label: "Total Spend", unit: "inr", value: 100000, previous: 80000 },
      {
        label: "Average ROAS",
        unit: "ratio",
        value: null,
        previous: 2.5,
        nullText: "n/a (no spend)",
        higherIsBetter: true,
      },
      { label: "Average Delivery Delay", unit: "minutes", value: 6.25, previous: 5, higherIsBetter: false },
    ],
    insights: [
      { level: "warning", text: "Spend rose 25% while revenue stayed flat: campaigns look underperforming." },
    ],
    actions: [
      { id: "roas_7d", label: "7 days", command: "/roas 7d" },
      { id: "roas_30d", label: "30 days", command: "/roas 30d", primary: true },
    ],
    ...fields,
  });
}

const json = (value: unknown) => JSON.stringify(value);

describe("renderAnswer", () => {
  it("shows the four KPI cards with values and changes", () => {
    const { blocks } = renderAnswer(kpiAnswer());
    const fields = blocks.flatMap((block) => (block.type === "section" && block.fields ? block.fields : []));
    expect(fields.map((field) => field.text)).toEqual([
      "*Total Revenue*\n₹12,34,567\n▲ 10.0% vs previous period :large_green_circle:",
      "*Total Spend*\n₹1,00,000\n▲ 25.0% vs previous period",
      "*Average ROAS*\nn/a (no spend)\nchange n/a vs previous period",
      "*Average Delivery Delay*\n6.3 min\n▲ 25.0% vs previous period :red_circle:",
    ]);
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "ROAS & revenue — last 30 days", emoji: true },
    });
  });

  it("turns actions into buttons that carry the command line", () => {
    const { blocks } = renderAnswer(kpiAnswer());
    const actions = blocks.find((block) => block.type === "actions");
    expect(actions).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: `${RUN_COMMAND_ACTION}:roas_7d`,
          text: { type: "plain_text", text: "7 days", emoji: true },
          value: "/roas 7d",
        },
        {
          type: "button",
          action_id: `${RUN_COMMAND_ACTION}:roas_30d`,
          text: { type: "plain_text", text: "30 days", emoji: true },
          value: "/roas 30d",
          style: "primary",
        },
      ],
    });
    expect(renderAnswer(kpiAnswer(), { withActions: false }).blocks.some((b) => b.type === "actions")).toBe(
      false,
    );
  });

  it("escapes text so mentions and links in data can't ping or link", () => {
    const hostile = "<!channel> see <https://evil.example|bank> & <@U123>";
    const rendered = renderAnswer(
      kpiAnswer({
        subtitle: hostile,
        insights: [{ level: "info", text: hostile }],
        sections: [{ heading: hostile, lines: [hostile] }],
        quotes: [{ id: "FB1", text: hostile, area: hostile, date: "2026-11-01", rating: 2 }],
        tables: [{ columns: ["a"], rows: [[hostile]] }],
        warnings: [hostile],
      }),
      { commandLine: `/why ${hostile}` },
    );
    const text = json(rendered);
    expect(text).not.toMatch(/<!channel>|<https:|<@U123>/);
    expect(text).toContain(escapeSlack("<!channel>"));
    expect(rendered.text).not.toContain("<");
  });

  it("mentions the asker only with a real user id", () => {
    const ok = renderAnswer(kpiAnswer(), { requester: "U0ABC", commandLine: "/roas 30d" });
    expect(json(ok.blocks.at(-1))).toContain("Asked by <@U0ABC>");
    const forged = renderAnswer(kpiAnswer(), { requester: "!channel" });
    expect(json(forged)).not.toContain("<@!channel>");
  });

  it("renders an error with what happened and what to do, without a header", () => {
    const rendered = renderAnswer(errorAnswer("roas", 'I don\'t understand "banana".', "Try /roas 7d."));
    expect(rendered.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: ':warning: *I don\'t understand "banana".*\nTry /roas 7d.' },
    });
    expect(rendered.text).toBe('I don\'t understand "banana". Try /roas 7d.');
  });

  it("splits a long section over several blocks instead of cutting it", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${"x".repeat(40)}`);
    const { blocks } = renderAnswer(
      answer("roas", "How it works", { sections: [{ heading: "view.sql", lines }] }),
    );
    const sections = blocks.filter((block) => block.type === "section");
    expect(sections.length).toBeGreaterThan(2);
    const texts = sections.map((block) => (block.type === "section" ? (block.text?.text ?? "") : ""));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.join("\n")).toContain("line 199");
    expect(texts[0]).toMatch(/^\*view\.sql\*\n```line 0/);
  });

  it("keeps a message under Slack's 50-block limit", () => {
    const sections = Array.from({ length: 80 }, (_, i) => ({ heading: `Part ${i}`, lines: ["text"] }));
    const { blocks } = renderAnswer(answer("x", "Many parts", { sections }));
    expect(blocks).toHaveLength(50);
    expect(json(blocks.at(-1))).toContain("Shortened");
  });

  it("lays tables out in monospace columns", () => {
    const { blocks } = renderAnswer(
      answer("x", "Table", {
        tables: [
          {
            columns: ["Area", "Late"],
            rows: [
              ["HSR Layout", "21%"],
              ["Rohini", "9%"],
            ],
          },
        ],
      }),
    );
    expect(json(blocks)).toContain("```Area        Late\\nHSR Layout  21%\\nRohini      9%```");
  });
});
