import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../../../../src/core/data/import/import.ts";
import type { Queryable } from "../../../../src/core/db/types.ts";
import { createTestDb, ENGINES, type TestDb } from "../../../harness/db.ts";

/**
 * The same orders in two layouts must give the same master_analytical_view: the generated sample
 * as exported (canonical) and rewritten in the seed project's layout (region per order, no
 * customers file, no status so no cancelled orders, marketing as date,channel,spend,impressions).
 */

const SAMPLE = join(import.meta.dirname, "..", "..", "..", "..", "data", "sample");
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(SAMPLE, file), "utf8"), { columns: true, skip_empty_lines: true });

const csvLine = (cells: string[]) =>
  cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");

function writeSeedLayout(dir: string): void {
  const areaOf = new Map(rows("blinkit_customers.csv").map((c) => [c.customer_id, c.area ?? ""]));
  // The seed layout has no status column: it can only hold orders that happened.
  const orders = rows("blinkit_orders.csv")
    .filter((o) => !/^cancel/i.test(o.delivery_status ?? ""))
    .map((o) =>
      csvLine([
        o.order_id ?? "",
        o.customer_id ?? "",
        o.order_date ?? "",
        o.order_total ?? "",
        o.promised_delivery_time ?? "",
        o.actual_delivery_time ?? "",
        areaOf.get(o.customer_id ?? "") ?? "",
      ]),
    );
  writeFileSync(
    join(dir, "blinkit_orders.csv"),
    `${["order_id,customer_id,order_date,order_total,promised_time,actual_time,region", ...orders].join("\n")}\n`,
  );
  const byChannelDay = new Map<string, { spend: number; impressions: number }>();
  for (const m of rows("blinkit_marketing_performance.csv")) {
    const key = `${m.date},${m.channel}`;
    const sum = byChannelDay.get(key) ?? { spend: 0, impressions: 0 };
    sum.spend += Math.round(Number(m.spend) * 100);
    sum.impressions += Number(m.impressions);
    byChannelDay.set(key, sum);
  }
  const marketing = [...byChannelDay].map(
    ([key, s]) => `${key},${(s.spend / 100).toFixed(2)},${s.impressions}`,
  );
  writeFileSync(
    join(dir, "blinkit_marketing_performance.csv"),
    `${["date,channel,spend,impressions", ...marketing].join("\n")}\n`,
  );
  writeFileSync(
    join(dir, "blinkit_customer_feedback.csv"),
    readFileSync(join(SAMPLE, "blinkit_customer_feedback.csv"), "utf8"),
  );
}

const VIEW_COLUMNS =
  "day::text, orders, revenue, spend, timed_orders, late_orders, delay_minutes_sum, feedback_count, rating_sum";

async function viewRows(db: Queryable) {
  return (await db.query(`select ${VIEW_COLUMNS} from master_analytical_view order by day`)).rows;
}

async function zoneRevenue(db: Queryable) {
  // Orders carry the region in the seed layout and the customer's area in the canonical one.
  const { rows: zones } = await db.query(
    `select z.zone, sum(o.order_total) as revenue
     from orders o left join customers c using (customer_id)
     join area_zones z on z.area_key = area_key(coalesce(o.area, c.area))
     where coalesce(o.delivery_status, '') not ilike 'cancel%'
     group by z.zone order by z.zone`,
  );
  return zones;
}

describe.each(ENGINES)("one dataset, two layouts, on %s", (engine) => {
  let canonical: TestDb;
  let seed: TestDb;
  const dir = mkdtempSync(join(tmpdir(), "seed-layout-"));
  beforeAll(async () => {
    writeSeedLayout(dir);
    canonical = await createTestDb(engine);
    seed = await createTestDb(engine);
    expect((await importDirectory(canonical.db, SAMPLE)).ok).toBe(true);
    const summary = await importDirectory(seed.db, dir);
    expect(summary.files.map((f) => f.rowsQuarantined)).toEqual(summary.files.map(() => 0));
  });
  afterAll(async () => {
    await canonical.dispose();
    await seed.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the same master_analytical_view, day by day", async () => {
    expect(await viewRows(seed.db)).toEqual(await viewRows(canonical.db));
  });

  it("puts the same revenue in each zone", async () => {
    const zones = await zoneRevenue(seed.db);
    expect(zones.length).toBeGreaterThan(1);
    expect(zones).toEqual(await zoneRevenue(canonical.db));
  });
});
