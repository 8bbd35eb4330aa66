import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { halfLifeDays } from "../../../src/cli/model.ts";
import { migrate } from "../../../src/core/db/migrate.ts";
import { openPglite } from "../../../src/core/db/pglite.ts";
import type { Db } from "../../../src/core/db/types.ts";
import { loadDelayModel, metricsPathFor } from "../../../src/core/delay-model/artifact.ts";
import { recencyWeights } from "../../../src/core/delay-model/recency.ts";
import { formatTrainReport } from "../../../src/core/delay-model/report.ts";
import { type TrainReport, trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { areaRisk, seedDelayOrders } from "./seed-orders.ts";

const run = promisify(execFile);
const ORDERS = 2000;
/** The seeded orders span 60 days; from this one on (the last 6 days) Kolkata runs late. */
const RECENT_FROM = 1800;
const DAY_MS = 86_400_000;

/** Kolkata (customer C5) turns late for its last 6 days: every order 10 minutes past the promise. */
async function makeKolkataLateRecently(db: Db): Promise<void> {
  await db.query(
    `update orders set actual_delivery_time = promised_delivery_time + interval '10 minutes'
     where customer_id = 'C5' and order_id >= $1`,
    [`O${String(RECENT_FROM).padStart(6, "0")}`],
  );
}

const OPTIONS = {
  timeZone: "Asia/Kolkata",
  trees: 40,
  maxDepth: 6,
  minSamplesLeaf: 20,
  areaEncoding: "target" as const,
};

describe("recency weights", () => {
  it("halve the weight every half-life back from the newest order, whatever the order of the dates", () => {
    const newest = Date.UTC(2026, 2, 10);
    const dates = [newest - 14 * DAY_MS, newest, newest - 7 * DAY_MS, newest - 3.5 * DAY_MS].map(
      (t) => new Date(t),
    );
    const weights = Array.from(recencyWeights(dates, 7));
    expect(weights[0]).toBeCloseTo(0.25, 12);
    expect(weights[1]).toBe(1);
    expect(weights[2]).toBeCloseTo(0.5, 12);
    expect(weights[3]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("refuse a half-life that is not a positive number of days", () => {
    const dates = [new Date()];
    for (const bad of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => recencyWeights(dates, bad)).toThrow(/positive number of days/);
    }
  });
});

describe("blinkit model train --half-life", () => {
  it("reads a positive number of days, and nothing as no weighting", () => {
    expect(halfLifeDays(undefined)).toBeNull();
    expect(halfLifeDays("21")).toBe(21);
    expect(halfLifeDays(" 10.5 ")).toBe(10.5);
    for (const bad of ["0", "-7", "", "two weeks", "Infinity"]) {
      expect(() => halfLifeDays(bad)).toThrow(`--half-life must be a positive number of days, got "${bad}"`);
    }
  });

  it("reaches the saved model through the real CLI, and a bad value fails with the reason", async () => {
    const dir = mkdtempSync(join(tmpdir(), "delay-half-life-cli-"));
    try {
      const dbDir = join(dir, "db");
      const db = await openPglite(dbDir);
      await migrate(db);
      await seedDelayOrders(db, 600, 3);
      await db.close();
      const modelPath = join(dir, "model.json");
      const blinkit = (...args: string[]) =>
        run(process.execPath, ["bin/blinkit.js", "--db", dbDir, "model", "train", ...args], {
          env: { ...process.env, SLACK_BOT_TOKEN: "", DATABASE_URL: "", MODEL_PATH: modelPath },
          maxBuffer: 1 << 24,
        });
      const flags = ["--trees", "10", "--max-depth", "4"];
      const { stdout } = await blinkit(...flags, "--half-life", "10", "--json");
      expect(JSON.parse(stdout).model.recencyHalfLifeDays).toBe(10);
      expect(loadDelayModel(modelPath).metadata.recencyHalfLifeDays).toBe(10);
      await expect(blinkit(...flags, "--half-life", "0")).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('--half-life must be a positive number of days, got "0"'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.each(ENGINES)("recency-weighted delay model (%s)", (engine) => {
  let testDb: TestDb;
  let db: Db;
  let dir: string;
  let weighted: TrainReport;
  let plain: TrainReport;

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    db = testDb.db;
    await seedDelayOrders(db, ORDERS, 5);
    await makeKolkataLateRecently(db);
    dir = mkdtempSync(join(tmpdir(), "delay-recency-"));
    weighted = await trainDelayModel(db, {
      ...OPTIONS,
      modelPath: join(dir, "weighted.json"),
      halfLifeDays: 7,
    });
    plain = await trainDelayModel(db, { ...OPTIONS, modelPath: join(dir, "plain.json") });
  });

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("follows an area that turned late in the last days far more than the unweighted refit does", () => {
    const kolkataGain = areaRisk(weighted.model, "Kolkata") - areaRisk(plain.model, "Kolkata");
    const delhiGain = areaRisk(weighted.model, "Delhi") - areaRisk(plain.model, "Delhi");
    expect(kolkataGain).toBeGreaterThan(0.15);
    expect(kolkataGain).toBeGreaterThan(delhiGain + 0.15);
    // The area column carries the recent late rate too: Kolkata now ranks above every other area.
    const rates = weighted.model.encoding.areas;
    expect(Math.max(...Object.values(rates))).toBe(rates.kolkata);
    expect(Math.max(...Object.values(plain.model.encoding.areas))).not.toBe(
      plain.model.encoding.areas.kolkata,
    );
  });

  it("records the half-life in the metadata, the metrics file and the train report", () => {
    expect(weighted.model.metadata.recencyHalfLifeDays).toBe(7);
    expect(plain.model.metadata.recencyHalfLifeDays).toBeNull();
    const metrics = JSON.parse(readFileSync(metricsPathFor(join(dir, "weighted.json")), "utf8"));
    expect(metrics.recencyHalfLifeDays).toBe(7);
    expect(loadDelayModel(join(dir, "weighted.json")).metadata.recencyHalfLifeDays).toBe(7);
    expect(formatTrainReport(weighted)).toContain("Recent orders weigh more: half-life 7 days");
    expect(formatTrainReport(plain)).not.toContain("half-life");
    // The hold-out figures are those of the weighted recipe, not of the plain one.
    expect(weighted.metrics.brier).not.toBe(plain.metrics.brier);
  });

  it("loads a file saved before the option existed as unweighted", () => {
    const document = JSON.parse(readFileSync(join(dir, "plain.json"), "utf8"));
    delete document.metadata.recencyHalfLifeDays;
    const old = join(dir, "before-recency.json");
    writeFileSync(old, JSON.stringify(document));
    expect(loadDelayModel(old).metadata.recencyHalfLifeDays).toBeNull();
  });

  it("refuses a bad half-life, and a half-life with the engine that cannot weigh rows", async () => {
    const modelPath = join(dir, "refused.json");
    await expect(trainDelayModel(db, { ...OPTIONS, modelPath, halfLifeDays: 0 })).rejects.toThrow(
      /positive number of days, got 0/,
    );
    await expect(
      trainDelayModel(db, { ...OPTIONS, modelPath, halfLifeDays: 30, engine: "ml-random-forest" }),
    ).rejects.toThrow(/needs the histogram-forest engine/);
  });
});
