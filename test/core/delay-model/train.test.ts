import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/core/db/types.ts";
import { DelayInputError, listAreasForSelect } from "../../../src/core/delay-model/areas.ts";
import { loadDelayModel, ModelLoadError, metricsPathFor } from "../../../src/core/delay-model/artifact.ts";
import { predictSet } from "../../../src/core/delay-model/evaluate.ts";
import { delayHotspots } from "../../../src/core/delay-model/hotspots.ts";
import { lateProbability } from "../../../src/core/delay-model/model.ts";
import { predictDelayRisk } from "../../../src/core/delay-model/predict.ts";
import {
  evaluateSavedModel,
  formatEvaluationReport,
  formatTrainReport,
} from "../../../src/core/delay-model/report.ts";
import { type TrainReport, trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { loadTrainingSet } from "../../../src/core/delay-model/training-data.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { seedDelayOrders } from "./seed-orders.ts";

describe.each(ENGINES)("delay model on %s", (engine) => {
  let testDb: TestDb;
  let db: Db;
  let dir: string;
  let modelPath: string;
  let report: TrainReport;
  // The same training without the refit: the forest the hold-out scored, as saved before refits.
  let evaluatedPath: string;
  let evaluatedReport: TrainReport;

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    db = testDb.db;
    await seedDelayOrders(db, 2000);
    dir = mkdtempSync(join(tmpdir(), "delay-model-"));
    modelPath = join(dir, "delivery_delay_model.json");
    const options = {
      modelPath,
      timeZone: "Asia/Kolkata",
      trees: 40,
      maxDepth: 6,
      minSamplesLeaf: 20,
      now: new Date("2026-03-10T06:00:00Z"),
    };
    report = await trainDelayModel(db, options);
    evaluatedPath = join(dir, "evaluated.json");
    evaluatedReport = await trainDelayModel(db, { ...options, modelPath: evaluatedPath, refit: false });
  });

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("splits by time and learns the planted pattern better than the area late rate", () => {
    const { metadata } = report.model;
    expect(metadata.data.rows).toBe(2000);
    expect(metadata.data.trainRows).toBe(1600);
    expect(metadata.data.testRows).toBe(400);
    const auc = report.metrics.rocAuc as number;
    expect(auc).toBeGreaterThan(0.7);
    expect(auc).toBeGreaterThan((report.metrics.baselines.areaLateRate as number) + 0.05);
    expect(report.reliable).toBe(true);
    expect(report.search.map((c) => c.areaEncoding).sort()).toEqual(["onehot", "target"]);
    expect(formatTrainReport(report)).toContain("area late rate only");
  });

  it("refits the saved forest on every order after scoring the same settings on the hold-out", async () => {
    const set = await loadTrainingSet(db);
    const { data, metricsNote, trainLateRate, riskBands } = report.model.metadata;
    expect(data).toMatchObject({ refit: true, fittedRows: 2000, trainRows: 1600, testRows: 400 });
    expect(data.fittedThrough).toBe(set.orderedAt.at(-1)?.toISOString());
    expect(trainLateRate).toBeCloseTo(set.labels.reduce((s, y) => s + y, 0) / 2000, 12);
    expect(riskBands.highFrom).toBeCloseTo(1.5 * trainLateRate, 12);
    expect(metricsNote).toMatch(/same settings trained on the earliest 1600 .* refit on all 2000/);
    // The hold-out figures are those of the forest saved without the refit, not of the refit one.
    expect(report.metrics).toEqual(evaluatedReport.metrics);
    expect(Array.from(predictSet(report.model, set))).not.toEqual(
      Array.from(predictSet(evaluatedReport.model, set)),
    );
    expect(formatTrainReport(report)).toContain(
      "Hold-out ROC-AUC (same settings trained on the earlier 80 %)",
    );
    expect(formatTrainReport(report)).toMatch(
      /then refit on all 2000 \(up to 2026-03-0\d \d\d:\d\d Asia\/Kolkata\)/,
    );
  });

  it("saves the evaluated forest itself with refit: false", async () => {
    const set = await loadTrainingSet(db);
    const { data, trainLateRate, metricsNote } = evaluatedReport.model.metadata;
    expect(data).toMatchObject({ refit: false, fittedRows: 1600, trainRows: 1600, testRows: 400 });
    expect(data.fittedThrough).toBe(set.orderedAt[1599]?.toISOString());
    expect(trainLateRate).toBeCloseTo(set.labels.slice(0, 1600).reduce((s, y) => s + y, 0) / 1600, 12);
    expect(metricsNote).toBe(
      "Hold-out metrics of this forest, trained on the earliest 1600 orders and scored on the latest 400.",
    );
    expect(formatTrainReport(evaluatedReport)).toContain("(saved as tested: no refit)");
  });

  it("writes the artifact with its metadata and a metrics file", () => {
    const document = JSON.parse(readFileSync(modelPath, "utf8"));
    expect(Object.keys(document)[0]).toBe("metadata");
    expect(document.metadata.features).toEqual([
      "hour_of_day",
      "day_of_week",
      "area",
      "promised_duration_minutes",
    ]);
    expect(document.metadata.data.hash).toMatch(/^[0-9a-f]{64}$/);
    const metrics = JSON.parse(readFileSync(metricsPathFor(modelPath), "utf8"));
    expect(metrics.holdout.calibration).toHaveLength(10);
    expect(metrics.holdout.baselines.singleTree).toBeTypeOf("number");
    expect(metrics.holdoutNote).toMatch(
      /^Hold-out metrics of the same settings trained on the earliest 1600 orders/,
    );
    expect(metrics.data).toMatchObject({ refit: true, fittedRows: 2000 });
  });

  it("loads back to the same predictions", async () => {
    const loaded = loadDelayModel(modelPath);
    const set = await loadTrainingSet(db);
    expect(Array.from(predictSet(loaded, set))).toEqual(Array.from(predictSet(report.model, set)));
  });

  it("refuses a model whose features don't match the code, saying how to fix it", () => {
    const document = JSON.parse(readFileSync(modelPath, "utf8"));
    document.metadata.features = ["hour_of_day", "distance_km"];
    const edited = join(dir, "edited.json");
    writeFileSync(edited, JSON.stringify(document));
    expect(() => loadDelayModel(edited)).toThrow(ModelLoadError);
    expect(() => loadDelayModel(edited)).toThrow(/trained on features \[hour_of_day, distance_km\]/);
    expect(() => loadDelayModel(join(dir, "missing.json"))).toThrow(/no delay model/);
  });

  it("still loads a format-1 file, as the forest saved without a refit", async () => {
    const document = JSON.parse(readFileSync(evaluatedPath, "utf8"));
    document.metadata.formatVersion = 1;
    delete document.metadata.metricsNote;
    for (const key of ["refit", "fittedRows", "fittedThrough"]) delete document.metadata.data[key];
    const old = join(dir, "format-1.json");
    writeFileSync(old, JSON.stringify(document));
    const loaded = loadDelayModel(old);
    expect(loaded.metadata.data).toMatchObject({ refit: false, fittedRows: 1600, fittedThrough: null });
    expect(loaded.metadata.metricsNote).toBe(evaluatedReport.model.metadata.metricsNote);
    const evaluation = await evaluateSavedModel(db, old);
    expect(evaluation.evaluatedRows).toBe(400);
    expect(evaluation.metrics?.rocAuc).toBeCloseTo(evaluatedReport.metrics.rocAuc as number, 10);
  });

  it("refuses a format-2 file without the refit fields, and unknown formats", () => {
    const document = JSON.parse(readFileSync(modelPath, "utf8"));
    delete document.metadata.data.fittedThrough;
    const edited = join(dir, "no-refit-fields.json");
    writeFileSync(edited, JSON.stringify(document));
    expect(() => loadDelayModel(edited)).toThrow(/lacks the refit fields of format 2/);
    document.metadata.formatVersion = 3;
    writeFileSync(edited, JSON.stringify(document));
    expect(() => loadDelayModel(edited)).toThrow(
      /uses file format 3; this version of the bot reads formats 1 and 2/,
    );
  });

  it("never lets delivery outcomes into the features", async () => {
    const before = await loadTrainingSet(db);
    await db.query(
      "update delivery_performance set distance_km = 40, reasons_if_delayed = 'Rain', delivery_status = 'Cancelled'",
    );
    await db.query("update customer_feedback set feedback_text = 'terribly late', rating = 1");
    await db.query(
      "update orders set delivery_status = 'Cancelled', actual_delivery_time = actual_delivery_time + interval '30 minutes'",
    );
    const after = await loadTrainingSet(db);
    expect(after.orders).toEqual(before.orders);
    // Only the label may move: every order is now 30 minutes later.
    expect(after.labels.reduce((s, y) => s + y, 0)).toBeGreaterThan(before.labels.reduce((s, y) => s + y, 0));
    await db.query("update orders set actual_delivery_time = actual_delivery_time - interval '30 minutes'");
  });

  it("re-evaluates a model saved without refit on every order from its hold-out start", async () => {
    const evaluation = await evaluateSavedModel(db, evaluatedPath);
    expect(evaluation.evaluatedRows).toBe(400);
    expect(evaluation.metrics?.rocAuc).toBeCloseTo(report.metrics.rocAuc as number, 10);
    expect(evaluation.sameData).toBe(true);
    expect(formatEvaluationReport(evaluation)).toContain("unchanged since training; 400 orders");
  });

  it("does not score a refit model on the orders it was fitted on", async () => {
    const evaluation = await evaluateSavedModel(db, modelPath);
    expect(evaluation).toMatchObject({ sameData: true, unseenRows: 0, evaluatedRows: 0, metrics: null });
    expect(evaluation.notScored).toMatch(
      /^No orders since the model was trained on orders up to 2026-03-0\d \d\d:\d\d Asia\/Kolkata; the training report's hold-out figures are the latest\.$/,
    );
    const text = formatEvaluationReport(evaluation);
    expect(text).toContain("Hold-out ROC-AUC then: ");
    expect(text).toContain("(same settings trained on the earlier 80 %)");
    expect(text).not.toContain("ROC-AUC now");
  });

  it("predicts a risky slot as high with reasons, history and a recommendation", async () => {
    const result = await predictDelayRisk(report.model, db, {
      target: { kind: "area", area: "hsr layout" },
      hourOfDay: 21,
      dayOfWeek: 6,
      promisedMinutes: 10,
    });
    expect(result.label).toBe("HSR Layout");
    expect(result.band).toBe("high");
    expect(result.contributions[0]?.delta).toBeGreaterThan(0);
    expect(result.contributions.map((c) => c.feature).sort()).toEqual(["area", "day", "hour", "promise"]);
    expect(result.history.slot.orders).toBeGreaterThan(0);
    expect(result.history.slot.lateRate).toBeGreaterThan(result.history.hour.lateRate as number);
    expect(result.recommendations.length).toBeGreaterThan(0);
    const calm = await predictDelayRisk(report.model, db, {
      target: { kind: "area", area: "Delhi" },
      hourOfDay: 9,
      dayOfWeek: 2,
      promisedMinutes: 30,
    });
    expect(calm.probability).toBeLessThan(result.probability);
    expect(calm.band).toBe("low");
  });

  it("answers an unknown area with close names", async () => {
    const attempt = predictDelayRisk(report.model, db, {
      target: { kind: "area", area: "HSR Layot" },
      hourOfDay: 21,
      dayOfWeek: 6,
      promisedMinutes: 10,
    });
    await expect(attempt).rejects.toBeInstanceOf(DelayInputError);
    await expect(attempt).rejects.toMatchObject({ suggestions: expect.arrayContaining(["HSR Layout"]) });
  });

  it("mixes a zone's areas by their orders", async () => {
    const result = await predictDelayRisk(report.model, db, {
      target: { kind: "zone", zone: "West" },
      hourOfDay: 20,
      dayOfWeek: 5,
      promisedMinutes: 15,
    });
    expect(result.label).toBe("West zone");
    expect(result.areas.map((a) => a.area).sort()).toEqual(["Mumbai", "Pune"]);
    const [a, b] = result.areas;
    const mixed =
      ((a?.probability ?? 0) * (a?.orders ?? 0) + (b?.probability ?? 0) * (b?.orders ?? 0)) /
      ((a?.orders ?? 0) + (b?.orders ?? 0));
    expect(result.probability).toBeCloseTo(mixed, 10);
  });

  it("ranks the riskiest slots of a day and lists areas for the modal", async () => {
    const hotspots = await delayHotspots(report.model, db, "2026-03-07", { limit: 3, minOrders: 2 });
    expect(hotspots.dayName).toBe("Saturday");
    expect(hotspots.hotspots).toHaveLength(3);
    expect(hotspots.hotspots[0]?.hourOfDay).toBeGreaterThanOrEqual(19);
    const probabilities = hotspots.hotspots.map((h) => h.probability);
    expect(probabilities).toEqual([...probabilities].sort((x, y) => y - x));
    const areas = await listAreasForSelect(db);
    expect(areas.map((a) => a.area).sort()).toEqual(["Delhi", "HSR Layout", "Kolkata", "Mumbai", "Pune"]);
    expect(areas.reduce((s, a) => s + a.orders, 0)).toBe(2000);
  });

  // Last: it adds orders, which the tests above must not see.
  it("scores an area new since training in the other bucket and says so", async () => {
    await db.query("insert into customers (customer_id, area) values ('C99', 'Indore')");
    await db.query(
      `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time, order_total)
       select 'N' || i, 'C99', t, t + interval '10 minutes', t + interval '12 minutes', 100
       from generate_series(1, 3) as i, (select timestamptz '2026-03-05 15:00:00+00' as t) as base`,
    );
    const request = { hourOfDay: 21, dayOfWeek: 6, promisedMinutes: 10 };
    const result = await predictDelayRisk(report.model, db, {
      ...request,
      target: { kind: "area", area: "Indore" },
    });
    expect(result.warnings.join(" ")).toMatch(/trained before any orders from Indore/);
    expect(result.probability).toBeCloseTo(lateProbability(report.model, { ...request, area: null }), 12);
  });
});
