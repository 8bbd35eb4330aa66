import { describe, expect, it } from "vitest";
import { answer } from "../../../src/core/commands/answer.ts";
import type { ModelMetadata } from "../../../src/core/delay-model/model.ts";
import { homeView } from "../../../src/handlers/blocks/home-view.ts";

const metadata = {
  trainedAt: "2026-11-20T10:00:00.000Z",
  reliable: false,
  data: { from: "2025-10-21", to: "2026-11-19", rows: 48213 },
  metrics: {
    rocAuc: 0.5812,
    baseLateRate: 0.31,
    precision: 0.42,
    recall: 0.37,
    baselines: { areaLateRate: 0.55, singleTree: 0.57 },
  },
} as unknown as ModelMetadata;

describe("homeView", () => {
  const view = homeView({
    panels: [
      {
        commandLine: "/roas 30d",
        answer: answer("roas", "ROAS & revenue — last 30 days", {
          facts: [{ label: "Total Revenue", unit: "inr", value: 123456 }],
          chart: { title: "Revenue", labels: [], series: [] },
        }),
      },
    ],
    model: { kind: "loaded", metadata },
    commands: [
      {
        name: "roas",
        summary: "Revenue <and> spend",
        examples: ["/roas 7d"],
        run: async () => answer("roas", ""),
      },
    ],
    now: new Date("2026-11-25T08:00:00Z"),
  });
  const text = JSON.stringify(view.blocks);

  it("shows the panels without buttons", () => {
    expect(view.type).toBe("home");
    expect(text).toContain("₹1,23,456");
    expect(view.blocks.some((block) => block.type === "actions")).toBe(false);
    expect(text).toContain("For the chart, type `/roas 30d` in a channel with me.");
  });

  it("reports the model's hold-out metrics and warns when it barely beats chance", () => {
    expect(text).toContain("Hold-out ROC-AUC 0.58* (area late-rate baseline 0.55, single tree 0.57)");
    expect(text).toContain("precision 42%, recall 37%; usual late rate 31%");
    expect(text).toContain("Trained 2026-11-20 on 48,213 orders from 2025-10-21 to 2026-11-19");
    expect(text).toContain("barely beats chance");
  });

  it("says where a refit model's hold-out figures come from", () => {
    const refit = homeView({
      panels: [],
      model: {
        kind: "loaded",
        metadata: { ...metadata, data: { ...metadata.data, refit: true, trainRows: 38570 } },
      },
      commands: [],
      now: new Date("2026-11-25T08:00:00Z"),
    });
    expect(JSON.stringify(refit.blocks)).toContain(
      "(hold-out figures: the same settings trained on the earliest 38,570)",
    );
    expect(text).not.toContain("hold-out figures:");
  });

  it("lists commands with escaped summaries and examples", () => {
    expect(text).toContain("*/roas* — Revenue &lt;and&gt; spend\\n`/roas 7d`");
  });

  it("stamps the time as a Slack date token", () => {
    expect(text).toContain("<!date^1795593600^{date_short_pretty} at {time}|2026-11-25T08:00:00.000Z>");
  });
});
