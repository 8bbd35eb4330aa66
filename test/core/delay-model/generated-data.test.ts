import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../../src/core/data/generate/generate.ts";
import { importDirectory } from "../../../src/core/data/import/import.ts";
import { type TrainReport, trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";

// The generator makes lateness depend on hour, weekday, city and promise (plus hidden daily
// noise), so a model on those four features must rank clearly better than the city alone.
describe.each(ENGINES)("delay model on generated data (%s)", (engine) => {
  let testDb: TestDb;
  let dir: string;
  let report: TrainReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "delay-generated-"));
    await generateDataset({ seed: 11, orders: 8000, days: 120, endDate: "2026-06-30" }, join(dir, "data"));
    testDb = await createTestDb(engine);
    await importDirectory(testDb.db, join(dir, "data"), { timeZone: "Asia/Kolkata" });
    report = await trainDelayModel(testDb.db, {
      modelPath: join(dir, "model.json"),
      timeZone: "Asia/Kolkata",
      trees: 60,
      save: false,
    });
  }, 240_000);

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("beats the area-late-rate baseline on the time-based hold-out", () => {
    const auc = report.metrics.rocAuc as number;
    const areaOnly = report.metrics.baselines.areaLateRate as number;
    expect(report.model.metadata.data.testRows).toBeGreaterThan(1000);
    expect(auc).toBeGreaterThan(0.65);
    expect(auc).toBeGreaterThan(areaOnly + 0.05);
    expect(report.reliable).toBe(true);
  });
});
