import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/commands/context.ts";
import { delayRiskCommand } from "../../../src/core/commands/delay-risk.ts";
import { formatTrainReport } from "../../../src/core/delay-model/report.ts";
import { type TrainReport, trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { seedDelayOrders } from "./seed-orders.ts";

// Lateness independent of every feature: the model must say it can't predict, not quote odds.
describe.each(ENGINES)("delay model on data without signal (%s)", (engine) => {
  let testDb: TestDb;
  let dir: string;
  let report: TrainReport;
  let ctx: CommandContext;

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    await seedDelayOrders(testDb.db, 1500, 3, false);
    dir = mkdtempSync(join(tmpdir(), "delay-weak-"));
    const modelPath = join(dir, "model.json");
    report = await trainDelayModel(testDb.db, {
      modelPath,
      timeZone: "Asia/Kolkata",
      trees: 30,
      maxDepth: 6,
    });
    ctx = {
      db: testDb.db,
      settings: { timeZone: "Asia/Kolkata", modelPath },
      services: {},
      now: () => new Date("2026-03-06T04:30:00Z"),
    };
  });

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("marks the model unreliable and says so when training", () => {
    expect(report.metrics.rocAuc).toBeLessThan(0.6);
    expect(report.reliable).toBe(false);
    expect(formatTrainReport(report)).toMatch(
      /below 0\.6: hour, weekday, area and promised minutes carry little signal/,
    );
  });

  it("answers /delay-risk without a confident percentage", async () => {
    const result = await delayRiskCommand.run('area="HSR Layout" hour=21 day=sat promised=10', ctx);
    expect(result.facts[0]).toMatchObject({
      label: "Model estimate",
      unit: "text",
      text: "not reliable for this data",
    });
    expect(result.facts.some((f) => f.label === "Late probability" || f.label === "Risk band")).toBe(false);
    expect(result.sections.some((s) => s.heading.startsWith("Why"))).toBe(false);
    expect(result.warnings.join(" ")).toMatch(/Predictions are unreliable for this data/);
    expect(result.insights).toEqual([]);
  });

  it("labels hotspot numbers as scores, with the warning", async () => {
    const result = await delayRiskCommand.run("hotspots", ctx);
    expect(result.tables[0]?.columns).toContain("Model score");
    expect(result.warnings.join(" ")).toMatch(/unreliable/);
  });
});
