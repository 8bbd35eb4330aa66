import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/commands/context.ts";
import { delayRiskCommand, parseDelayRiskArgs } from "../../../src/core/commands/delay-risk.ts";
import { DELAY_MODEL_SERVICE } from "../../../src/core/delay-model/cache.ts";
import { trainDelayModel } from "../../../src/core/delay-model/train.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { seedDelayOrders } from "../delay-model/seed-orders.ts";

describe("parseDelayRiskArgs", () => {
  const predict = (text: string) => {
    const parsed = parseDelayRiskArgs(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  };
  const problem = (text: string) => {
    const parsed = parseDelayRiskArgs(text);
    if (parsed.ok) throw new Error(`expected an error for ${text}`);
    return parsed.message;
  };

  it("reads the documented key=value form", () => {
    expect(predict('area="HSR Layout" hour=21 day=sat promised=10')).toEqual({
      kind: "predict",
      target: { kind: "area", area: "HSR Layout" },
      hourOfDay: 21,
      day: { kind: "weekday", dayOfWeek: 6 },
      promisedMinutes: 10,
    });
  });

  it("accepts zones, day names and numbers, 12-hour clocks and unquoted areas", () => {
    expect(predict("zone=South hour=9pm day=saturday promised=15min")).toMatchObject({
      target: { kind: "zone", zone: "South" },
      hourOfDay: 21,
      day: { dayOfWeek: 6 },
      promisedMinutes: 15,
    });
    expect(predict("area=HSR Layout h=12am d=6 p=10")).toMatchObject({
      target: { area: "HSR Layout" },
      hourOfDay: 0,
      day: { dayOfWeek: 6 },
    });
    expect(predict("area=Delhi hour=21:30 day=7 promised=20")).toMatchObject({
      hourOfDay: 21,
      day: { dayOfWeek: 0 },
    });
    expect(predict("area=Delhi hour=noon day=tomorrow promised=20")).toMatchObject({
      hourOfDay: 12,
      day: { kind: "relative", offsetDays: 1 },
    });
  });

  it("keeps a quoted area whole, whatever it contains", () => {
    expect(predict('area="Sector 18 x=1" hour=9 promised=20')).toMatchObject({
      target: { kind: "area", area: "Sector 18 x=1" },
    });
    expect(predict("area=Sector 18: Noida hour=9 promised=20")).toMatchObject({
      target: { kind: "area", area: "Sector 18: Noida" },
    });
  });

  it("reads bare words by their shape", () => {
    expect(predict("HSR Layout 9pm sat 10min")).toMatchObject({
      target: { kind: "area", area: "HSR Layout" },
      hourOfDay: 21,
      day: { dayOfWeek: 6 },
      promisedMinutes: 10,
    });
    expect(predict("south zone 9 pm fri 15 min")).toMatchObject({
      target: { kind: "zone", zone: "South" },
      hourOfDay: 21,
      day: { dayOfWeek: 5 },
      promisedMinutes: 15,
    });
  });

  it("defaults the day to today", () => {
    expect(predict("area=Delhi hour=9 promised=20")).toMatchObject({
      day: { kind: "relative", offsetDays: 0 },
    });
  });

  it("knows the form, help and hotspots", () => {
    expect(predict("")).toEqual({ kind: "form" });
    expect(predict("help")).toEqual({ kind: "help" });
    expect(predict("hotspots")).toEqual({ kind: "hotspots", day: { kind: "relative", offsetDays: 1 } });
    expect(predict("hotspots 2026-03-07")).toEqual({
      kind: "hotspots",
      day: { kind: "date", date: "2026-03-07" },
    });
  });

  it("explains bad values", () => {
    expect(problem("area=Delhi hour=25 promised=10")).toMatch(/"25" is not an hour/);
    expect(problem("area=Delhi hour=13pm promised=10")).toMatch(/not an hour/);
    expect(problem("area=Delhi hour=21")).toMatch(/promised=10/);
    expect(problem("area=Delhi promised=10")).toMatch(/hour=21/);
    expect(problem("hour=21 promised=10")).toMatch(/Which area/);
    expect(problem("area=Delhi hour=21 promised=0")).toMatch(/between 1 and/);
    expect(problem("area=Delhi hour=21 day=someday promised=10")).toMatch(/not a day/);
    expect(problem("zone=Nowhere hour=21 promised=10")).toMatch(/not a zone/);
    expect(problem("area=Delhi zone=North hour=21 promised=10")).toMatch(/not both/);
    expect(problem("area=Delhi hour=21 promised=10 speed=fast")).toMatch(/"speed"/);
    expect(problem("hotspots friday")).toMatch(/not a day for hotspots/);
  });
});

describe.each(ENGINES)("/delay-risk on %s", (engine) => {
  let testDb: TestDb;
  let dir: string;
  let ctx: CommandContext;

  beforeAll(async () => {
    testDb = await createTestDb(engine);
    await seedDelayOrders(testDb.db, 1500);
    dir = mkdtempSync(join(tmpdir(), "delay-risk-"));
    ctx = {
      db: testDb.db,
      settings: { timeZone: "Asia/Kolkata", modelPath: join(dir, "delivery_delay_model.json") },
      services: {},
      // Friday 6 March 2026, 10:00 in Kolkata: "tomorrow" is Saturday.
      now: () => new Date("2026-03-06T04:30:00Z"),
    };
  });

  afterAll(async () => {
    await testDb?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("without a model says how to train one and still shows the observed late rate", async () => {
    const result = await delayRiskCommand.run('area="HSR Layout" hour=21 day=sat promised=10', ctx);
    expect(result.error?.message).toMatch(/No delivery-delay model has been trained yet/);
    expect(result.error?.hint).toMatch(/blinkit model train/);
    expect(result.sections[0]?.lines[0]).toMatch(/^HSR Layout around 9 pm: \d+% late of \d+ orders$/);
  });

  it("predicts with reasons once a model exists, and caches it", async () => {
    await trainDelayModel(ctx.db, {
      modelPath: ctx.settings.modelPath,
      timeZone: "Asia/Kolkata",
      trees: 30,
      maxDepth: 6,
      minSamplesLeaf: 20,
    });
    const result = await delayRiskCommand.run('area="HSR Layout" hour=21 day=sat promised=10', ctx);
    expect(result.error).toBeUndefined();
    expect(result.title).toBe("Delay risk — HSR Layout, Saturday 9 pm, 10-min promise");
    expect(result.facts[0]).toMatchObject({ label: "Late probability", unit: "percent" });
    expect(result.facts[1]).toMatchObject({ label: "Risk band", text: "High" });
    const why = result.sections.find((s) => s.heading.startsWith("Why"));
    expect(why?.lines).toHaveLength(4);
    expect(why?.lines.join("\n")).toMatch(/Late-evening slot \(9 pm\) \(\+\d+ pts\)/);
    expect(result.actions.map((a) => a.command)).toContain("/delay-risk hotspots");
    expect(ctx.services[DELAY_MODEL_SERVICE]).toBeDefined();
  });

  it("resolves today's weekday in the reporting zone", async () => {
    const result = await delayRiskCommand.run("area=Delhi hour=9am promised=30", ctx);
    expect(result.title).toContain("Friday 9 am");
  });

  it("answers an unknown area with suggestions, privately", async () => {
    const result = await delayRiskCommand.run("area=Mumbay hour=21 promised=10", ctx);
    expect(result.visibility).toBe("ephemeral");
    expect(result.error?.message).toMatch(/"Mumbay"/);
    expect(result.error?.hint).toMatch(/Mumbai/);
  });

  it("lists tomorrow's hotspots as a table", async () => {
    const result = await delayRiskCommand.run("hotspots", ctx);
    expect(result.title).toBe("Riskiest delivery slots — Saturday 2026-03-07");
    expect(result.tables[0]?.columns[0]).toBe("Area");
  });

  it("answers a plain question at the usual promise there, showing what it read", async () => {
    const result = await delayRiskCommand.run("will deliveries in HSR Layout be late tonight?", ctx);
    expect(result.error).toBeUndefined();
    expect(result.title).toMatch(/^Delay risk — HSR Layout, Friday 9 pm, \d+-min promise$/);
    expect(result.sections[0]?.heading).toBe("Read from your question");
    expect(result.sections[0]?.lines).toEqual([
      "Place: HSR Layout",
      "Day: Friday 2026-03-06",
      "Hour: 9 pm (from “tonight”)",
      expect.stringMatching(/^Promise: \d+ min, the usual there at that hour/),
    ]);
  });

  it("ranks a place's hours when the question names no time, and the day's hotspots when it names no place", async () => {
    const hours = await delayRiskCommand.run("when are Pune deliveries riskiest on saturday?", ctx);
    expect(hours.title).toBe("Riskiest hours in Pune — Saturday 2026-03-07");
    expect(hours.tables[0]?.rows.length).toBeGreaterThan(0);
    expect(new Set(hours.tables[0]?.rows.map((row) => row[0]))).toEqual(new Set(["Pune"]));
    const anywhere = await delayRiskCommand.run("which areas are at risk of delays tomorrow?", ctx);
    expect(anywhere.title).toBe("Riskiest delivery slots — Saturday 2026-03-07");
    // An hour named without a place ranks the areas at that hour (one Pune has orders at).
    const hour = hours.tables[0]?.rows[0]?.[1] ?? "";
    const atHour = await delayRiskCommand.run(`which areas will be late at ${hour} tomorrow?`, ctx);
    expect(atHour.title).toBe(`Riskiest areas at ${hour} — Saturday 2026-03-07`);
    expect(atHour.tables[0]?.rows.length).toBeGreaterThan(0);
    expect(new Set(atHour.tables[0]?.rows.map((row) => row[1]))).toEqual(new Set([hour]));
  });

  it("answers a plain question about an unknown place with suggestions", async () => {
    const result = await delayRiskCommand.run("is Mumbay going to be late at 9pm?", ctx);
    expect(result.error?.message).toMatch(/"Mumbay"/);
    expect(result.error?.hint).toMatch(/Mumbai/);
  });

  it("asks for the form when called without arguments", async () => {
    const result = await delayRiskCommand.run("", ctx);
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ kind: "form", form: "delay-risk" });
  });
});
