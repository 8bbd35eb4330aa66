import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importDirectory } from "../../../../src/core/data/import/import.ts";
import { formatImportSummary, type ImportSummary } from "../../../../src/core/data/import/summary.ts";
import { TABLES } from "../../../../src/core/data/import/tables.ts";
import type { Db, Queryable } from "../../../../src/core/db/types.ts";
import { createTestDb, ENGINES, type TestDb } from "../../../harness/db.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "fixtures", "import");
const CANONICAL = join(FIXTURES, "canonical");

function file(summary: ImportSummary, table: string) {
  const found = summary.files.find((f) => f.table === table);
  if (!found) throw new Error(`no summary for ${table}`);
  return found;
}

/** Every imported table's full contents, in key order: what "re-import changes nothing" compares. */
async function snapshot(db: Queryable): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const spec of TABLES) {
    const { rows } = await db.query(`select * from ${spec.table} order by ${spec.key.join(", ")}`);
    result[spec.table] = rows;
  }
  return result;
}

async function emptyImportedTables(db: Queryable): Promise<void> {
  await db.exec(`truncate ${TABLES.map((spec) => spec.table).join(", ")}, import_quarantine`);
}

describe.each(ENGINES)("importDirectory on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.dispose());
  beforeEach(() => emptyImportedTables(t.db));

  it("loads the good rows of every file and quarantines each kind of bad row with its physical line", async () => {
    const summary = await importDirectory(t.db, CANONICAL);
    expect(summary.ok).toBe(true);
    const counts = Object.fromEntries(
      summary.files.map((f) => [f.table, [f.rowsRead, f.rowsLoaded, f.rowsQuarantined]]),
    );
    expect(counts).toEqual({
      customers: [6, 4, 2],
      products: [4, 3, 1],
      orders: [10, 4, 6],
      order_items: [7, 4, 3],
      marketing_performance: [5, 4, 1],
      delivery_performance: [4, 3, 1],
      customer_feedback: [5, 3, 2],
      inventory: [4, 2, 2],
    });

    const { rows } = await t.db.query<{ file_name: string; line_number: number; reason: string }>(
      "select file_name, line_number, reason from import_quarantine order by file_name, line_number",
    );
    const byFile = (name: string) =>
      rows.filter((r) => r.file_name === name).map((r) => [r.line_number, r.reason]);
    // Lines count physical lines: the multi-line quoted addresses above them shift these.
    expect(byFile("blinkit_customers.csv")).toEqual([
      [5, "missing customer_id"],
      [6, "registration_date '2024-02-30' is not a real date"],
    ]);
    expect(byFile("blinkit_orders.csv")).toEqual([
      [5, "unknown customer_id C9: no such row in customers"],
      [6, "order_total -5 is negative"],
      [7, "order_date '2024-02-30 09:00:00' is not a real date"],
      [8, "order_total 'abc' is not a number"],
      [9, "unknown customer_id C4: no such row in customers"],
      [10, "duplicate order_id O1: line 2 has the same key"],
    ]);
    expect(byFile("blinkit_order_items.csv")).toEqual([
      [5, "unknown product_id P3: no such row in products"],
      [6, "unknown order_id O4: no such row in orders"],
      [7, "quantity 0 must be at least 1"],
    ]);
    expect(byFile("blinkit_marketing_performance.csv")).toEqual([[5, "spend -50 is negative"]]);
    expect(byFile("blinkit_delivery_performance.csv")).toEqual([
      [6, "unknown order_id O4: no such row in orders"],
    ]);
    expect(byFile("blinkit_customer_feedback.csv")).toEqual([
      [5, "rating '7' is not a whole number from 1 to 5"],
      [6, "unknown order_id O4: no such row in orders"],
    ]);
    expect(byFile("blinkit_inventory.csv")).toEqual([
      [4, "unknown product_id P9: no such row in products"],
      [5, "damaged_stock -1 is negative"],
    ]);
    expect(file(summary, "orders").firstReasons[0]).toEqual({
      line: 5,
      reason: "unknown customer_id C9: no such row in customers",
    });
  });

  it("keeps the raw record of a quarantined multi-line row", async () => {
    await importDirectory(t.db, CANONICAL);
    const { rows } = await t.db.query<{ raw_record: string }>(
      "select raw_record from import_quarantine where file_name = 'blinkit_customers.csv' and line_number = 6",
    );
    expect(rows[0]?.raw_record).toBe(
      'C4,Bad Date,bad@example.com,9800000004,"Flat 2,\nBlock B,\nSector 5",Noida,201301,2024-02-30,Regular,1,100',
    );
  });

  it("reads naive timestamps as local times in the import time zone, whatever their format", async () => {
    await importDirectory(t.db, CANONICAL);
    const { rows } = await t.db.query<{ order_date: Date; promised_time: Date; address: string }>(
      `select o.order_date, d.promised_time, c.address
       from orders o join delivery_performance d using (order_id) join customers c using (customer_id)
       where o.order_id = 'O3'`,
    );
    expect(rows[0]?.order_date).toEqual(new Date("2024-07-18T18:20:00Z"));
    expect(rows[0]?.promised_time).toEqual(new Date("2024-07-18T18:40:00Z"));
    expect(rows[0]?.address).toBe("7 Marine Drive");

    const utc = await createTestDb(engine);
    try {
      await importDirectory(utc.db, CANONICAL, { timeZone: "UTC" });
      const { rows: utcRows } = await utc.db.query<{ order_date: Date }>(
        "select order_date from orders where order_id = 'O3'",
      );
      expect(utcRows[0]?.order_date).toEqual(new Date("2024-07-18T23:50:00Z"));
    } finally {
      await utc.dispose();
    }
  });

  it("re-importing the same files changes nothing", async () => {
    const first = await importDirectory(t.db, CANONICAL);
    expect(file(first, "orders").rowsChanged).toBe(4);
    const before = await snapshot(t.db);
    const second = await importDirectory(t.db, CANONICAL);
    expect(second.files.map((f) => f.rowsChanged)).toEqual(second.files.map(() => 0));
    expect(second.files.map((f) => f.rowsLoaded)).toEqual(first.files.map((f) => f.rowsLoaded));
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("reports unmapped areas after loading", async () => {
    const summary = await importDirectory(t.db, CANONICAL);
    expect(summary.unmappedAreas).toContainEqual({ area: "Zzyzxville", customers: 1 });
    expect(summary.unmappedAreas.map((a) => a.area)).not.toContain("Bengaluru");
  });

  it("names the missing columns of a wrong header, loads nothing of that file and skips its dependants", async () => {
    const summary = await importDirectory(t.db, join(FIXTURES, "wrong-header"));
    expect(summary.ok).toBe(false);
    const orders = file(summary, "orders");
    expect(orders.status).toBe("failed");
    expect(orders.error).toContain("blinkit_orders.csv is missing required columns order_date, order_total");
    expect(orders.error).toContain("--mapping");
    expect(file(summary, "customers")).toMatchObject({ status: "loaded", rowsLoaded: 2 });
    expect(file(summary, "products")).toMatchObject({ status: "loaded", rowsLoaded: 1 });
    expect(file(summary, "order_items").status).toBe("skipped");
    expect(file(summary, "marketing_performance").status).toBe("missing");
    const { rows } = await t.db.query<{ n: number }>("select count(*) as n from orders");
    expect(rows[0]?.n).toBe(0);
    expect(summary.disabled).toContain("no marketing file: spend is zero every day, so ROAS is empty");
  });

  it("rolls a whole file back when the database fails mid-file, and still loads the files before it", async () => {
    const failing = failOnNthUpsert(t.db, "orders", 2);
    const progress: [string, number, number | undefined][] = [];
    const summary = await importDirectory(failing, CANONICAL, {
      batchSize: 2,
      onProgress: (f, done, total) => progress.push([f, done, total]),
    });
    expect(file(summary, "orders").status).toBe("failed");
    expect(file(summary, "orders").error).toContain("rolled back");
    expect(file(summary, "order_items").status).toBe("skipped");
    expect(file(summary, "customers").status).toBe("loaded");
    expect(file(summary, "marketing_performance").status).toBe("loaded");
    const { rows } = await t.db.query<{ n: number }>("select count(*) as n from orders");
    expect(rows[0]?.n).toBe(0);
    const quarantined = await t.db.query<{ n: number }>(
      "select count(*) as n from import_quarantine where file_name = 'blinkit_orders.csv'",
    );
    expect(quarantined.rows[0]?.n).toBe(0);
    expect(progress.filter(([name]) => name === "blinkit_customers.csv")).toEqual([
      ["blinkit_customers.csv", 0, 6],
      ["blinkit_customers.csv", 2, 6],
      ["blinkit_customers.csv", 6, 6],
    ]);
  });

  it("formats the summary as a readable table", async () => {
    const text = formatImportSummary(await importDirectory(t.db, CANONICAL));
    expect(text).toMatch(/blinkit_orders\.csv\s+orders\s+loaded\s+10\s+4\s+4\s+6/);
    expect(text).toContain("blinkit_orders.csv line 5: unknown customer_id C9: no such row in customers");
    expect(text).toContain("Zzyzxville (1 customer)");
    expect(text).toContain("blinkit_delivery_performance.csv: promised_time MM/DD/YYYY with times");
    expect(text).toContain("blinkit_orders.csv: canonical Blinkit export");
  });
});

/** A Db whose transactions fail on the n-th upsert into `table`, as a lost connection would. */
function failOnNthUpsert(db: Db, table: string, n: number): Db {
  let calls = 0;
  const guard = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      if (sql.includes(`insert into ${table} as t`) && ++calls === n) {
        return Promise.reject(new Error("connection lost"));
      }
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return Object.assign(Object.create(db) as Db, {
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(guard(tx))),
  });
}
