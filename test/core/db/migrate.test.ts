import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrate } from "../../../src/core/db/migrate.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";

describe.each(ENGINES)("database layer on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.dispose());

  it("records every migration and re-running applies nothing", async () => {
    const { rows } = await t.db.query<{ n: number }>("select count(*) as n from schema_migrations");
    expect(rows[0]?.n).toBe(listMigrations().length);
    const again = await migrate(t.db);
    expect(again.applied).toEqual([]);
  });

  it("normalises types the same way on both engines", async () => {
    const { rows } = await t.db.query<{ c: unknown; n: unknown; d: unknown; ts: unknown }>(
      "select count(*) as c, 12.50::numeric as n, date '2024-07-17' as d, timestamptz '2024-07-17 08:34:01+05:30' as ts",
    );
    expect(rows[0]).toEqual({ c: 1, n: 12.5, d: "2024-07-17", ts: new Date("2024-07-17T03:04:01Z") });
  });

  it("cuts business days in the reporting time zone", async () => {
    const { rows } = await t.db.query<{ day: string }>(
      "select business_day(timestamptz '2024-07-17 20:00:00+00', report_tz()) as day",
    );
    expect(rows[0]?.day).toBe("2024-07-18");
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query("insert into app_settings (key, value) values ('probe', 'x')");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const { rows } = await t.db.query("select 1 from app_settings where key = 'probe'");
    expect(rows).toHaveLength(0);
  });
});
