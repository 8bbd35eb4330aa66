import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../src/core/db/types.ts";
import { predictSet } from "../../../src/core/delay-model/evaluate.ts";
import { rocAuc } from "../../../src/core/delay-model/metrics.ts";
import {
  evaluateSavedModel,
  formatEvaluationReport,
  MIN_NEW_ORDERS_TO_SCORE,
} from "../../../src/core/delay-model/report.ts";
import { type TrainReport, trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { loadTrainingSet, sliceSet } from "../../../src/core/delay-model/training-data.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { areaRisk, seedDelayOrders } from "./seed-orders.ts";

const ORDERS = 2000;
/** The hold-out: the latest 20 % of the seeded orders. */
const LATEST = 1600;

/**
 * Kolkata (customer C5) turns late in the latest 20 % of the orders: every one of its orders
 * there arrives 10 minutes after the promise. Only a model that learnt from that period knows.
 */
async function makeKolkataLateAtTheEnd(db: Db): Promise<void> {
  await db.query(
    `update orders set actual_delivery_time = promised_delivery_time + interval '10 minutes'
     where customer_id = 'C5' and order_id >= $1`,
    [`O${String(LATEST).padStart(6, "0")}`],
  );
}

/** Orders after every seeded one (from 10 March 2026), every third late, spread over the areas. */
async function addNewerOrders(db: Db, from: number, count: number): Promise<void> {
  await db.query(
    `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time, order_total)
     select 'NEW' || i, 'C' || (1 + i % 5), t, t + interval '15 minutes',
       t + case when i % 3 = 0 then interval '25 minutes' else interval '12 minutes' end, 300
     from generate_series($1::int, $2::int) as i,
       lateral (select timestamptz '2026-03-10 03:00:00+00' + i * interval '37 minutes' as t) as at`,
    [from, from + count - 1],
  );
}

describe.each(ENGINES)("refitting the delay model on all orders (%s)", (engine) => {
  let testDb: TestDb;
  let db: Db;
  let dir: string;
  let refit: TrainReport;
  let evaluated: TrainReport;

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    db = testDb.db;
    await seedDelayOrders(db, ORDERS, 5);
    await makeKolkataLateAtTheEnd(db);
    dir = mkdtempSync(join(tmpdir(), "delay-refit-"));
    const options = {
      timeZone: "Asia/Kolkata",
      trees: 40,
      maxDepth: 6,
      minSamplesLeaf: 20,
      areaEncoding: "target" as const,
    };
    refit = await trainDelayModel(db, { ...options, modelPath: join(dir, "refit.json") });
    evaluated = await trainDelayModel(db, {
      ...options,
      modelPath: join(dir, "evaluated.json"),
      refit: false,
    });
  });

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("learns from the newest period that the model saved without refit never saw", () => {
    expect(refit.model.metadata.data).toMatchObject({ refit: true, fittedRows: ORDERS, trainRows: LATEST });
    expect(evaluated.model.metadata.data).toMatchObject({ refit: false, fittedRows: LATEST });
    const kolkataGain = areaRisk(refit.model, "Kolkata") - areaRisk(evaluated.model, "Kolkata");
    const delhiGain = areaRisk(refit.model, "Delhi") - areaRisk(evaluated.model, "Delhi");
    expect(kolkataGain).toBeGreaterThan(0.1);
    expect(kolkataGain).toBeGreaterThan(delhiGain + 0.1);
    // Both report the hold-out of the same recipe trained on the earliest 80 %.
    expect(refit.metrics).toEqual(evaluated.metrics);
  });

  // In order: each step adds newer orders to the database.
  it("says there is nothing to score until enough newer orders arrive", async () => {
    const path = join(dir, "refit.json");
    const none = await evaluateSavedModel(db, path);
    expect(none.metrics).toBeNull();
    expect(none.notScored).toMatch(
      /^No orders since the model was trained on orders up to .*; the training report's hold-out figures are the latest\.$/,
    );

    await addNewerOrders(db, 1, 5);
    const few = await evaluateSavedModel(db, path);
    expect(few).toMatchObject({ unseenRows: 5, evaluatedRows: 0, metrics: null, sameData: false });
    expect(few.notScored).toMatch(
      new RegExp(
        `^Only 5 orders since the model was trained on .*: too few to score \\(it takes ${MIN_NEW_ORDERS_TO_SCORE}, `,
      ),
    );
    expect(formatEvaluationReport(few)).toMatch(
      /\n {2}Data: changed since training\n {2}Only 5 orders since/,
    );
    expect(formatEvaluationReport(few)).not.toContain("ROC-AUC now");
  });

  it("scores a refit model on the newer orders only, and one saved without refit from its hold-out start", async () => {
    await addNewerOrders(db, 6, 145);
    const report = await evaluateSavedModel(db, join(dir, "refit.json"));
    expect(report).toMatchObject({ unseenRows: 150, evaluatedRows: 150, notScored: null, sameData: false });
    const all = await loadTrainingSet(db);
    const newer = sliceSet(all, ORDERS, all.orders.length);
    expect(newer.orderIds.every((id) => id.startsWith("NEW"))).toBe(true);
    expect(report.metrics?.baseLateRate).toBeCloseTo(50 / 150, 12);
    expect(report.metrics?.rocAuc).toBeCloseTo(
      rocAuc(predictSet(refit.model, newer), newer.labels) as number,
      12,
    );
    expect(formatEvaluationReport(report)).toContain("150 newer orders scored now");

    const before = await evaluateSavedModel(db, join(dir, "evaluated.json"));
    expect(before.evaluatedRows).toBe(ORDERS - LATEST + 150);
  });
});
