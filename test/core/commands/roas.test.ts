import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/commands/context.ts";
import { roasCommand } from "../../../src/core/commands/roas.ts";
import { seedTwoWeeks } from "../../handlers/known-data.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";

describe.each(ENGINES)("/roas asked in plain words on %s", (engine) => {
  let t: TestDb;
  let ctx: CommandContext;

  beforeAll(async () => {
    t = await createTestDb(engine);
    // 1–14 July 2024: ₹1,000 a day the first week, ₹1,200 a day the second.
    await seedTwoWeeks(t.db);
    ctx = {
      db: t.db,
      settings: { timeZone: "Asia/Kolkata", modelPath: "models/none.json" },
      services: {},
      now: () => new Date("2026-11-25T06:00:00Z"),
    };
  });
  afterAll(() => t?.dispose());

  it("reads the period the question names, relative to the data's last day", async () => {
    const week = await roasCommand.run("how did revenue do last week?", ctx);
    expect(week.title).toBe("ROAS & revenue — the last 7 days");
    expect(week.subtitle).toMatch(
      /^2024-07-08 to 2024-07-14 \(7 days\), compared with 2024-07-01 to 2024-07-07/,
    );
    expect(week.facts[0]).toMatchObject({ label: "Total Revenue", value: 8400, previous: 7000 });
  });

  it("stops 'this month' at the last data day, and uses 30 days when no period is named", async () => {
    const month = await roasCommand.run("what was our ROAS this month?", ctx);
    expect(month.subtitle).toMatch(/^2024-07-01 to 2024-07-14 \(14 days\)/);
    expect(month.warnings.join(" ")).not.toMatch(/count as zero/);
    const plain = await roasCommand.run("how are sales looking", ctx);
    expect(plain.title).toBe("ROAS & revenue — last 30 days");
  });

  it("says its figures are for the whole business when the question names a place", async () => {
    const pune = await roasCommand.run("how is revenue in the South zone last week?", ctx);
    expect(pune.warnings[0]).toMatch(/^These figures are for the whole business, not the South zone/);
    const plain = await roasCommand.run("how is revenue last week?", ctx);
    expect(plain.warnings.join(" ")).not.toMatch(/whole business/);
  });

  it("still rejects a one-word period it does not know", async () => {
    const result = await roasCommand.run("fortnight", ctx);
    expect(result.error?.message).toMatch(/I don't understand "fortnight"/);
  });
});
