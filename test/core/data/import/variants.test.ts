import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importDirectory } from "../../../../src/core/data/import/import.ts";
import type { ImportSummary } from "../../../../src/core/data/import/summary.ts";
import { TABLES } from "../../../../src/core/data/import/tables.ts";
import type { Queryable } from "../../../../src/core/db/types.ts";
import { createTestDb, ENGINES, type TestDb } from "../../../harness/db.ts";
import { expectedOrderTotals, FIXTURES, kolkataMs, rawRows, viewTotals } from "./raw-rows.ts";

const fixture = (name: string) => join(FIXTURES, name);

function file(summary: ImportSummary, table: string) {
  const found = summary.files.find((f) => f.table === table);
  if (!found) throw new Error(`no summary for ${table}`);
  return found;
}

async function emptyImportedTables(db: Queryable): Promise<void> {
  await db.exec(`truncate ${TABLES.map((spec) => spec.table).join(", ")}, import_quarantine`);
}

async function one<T extends Record<string, unknown>>(db: Queryable, sql: string, params: unknown[] = []) {
  const { rows } = await db.query<T>(sql, params);
  return rows[0] as T;
}

describe.each(ENGINES)("export variants on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.dispose());
  beforeEach(() => emptyImportedTables(t.db));

  it("detects a different date format per column and quarantines the rows of another format", async () => {
    const summary = await importDirectory(t.db, fixture("date-formats"));
    expect(summary.ok).toBe(true);
    expect(file(summary, "orders").dateFormats).toEqual({
      order_date: "DD-MM-YYYY with times",
      promised_delivery_time: "YYYY-MM-DD with times",
      actual_delivery_time: "MM/DD/YYYY with times",
    });
    expect(file(summary, "orders").firstReasons).toEqual([
      { line: 5, reason: "order_date '2024-07-18 10:00:00' does not match the column's format DD-MM-YYYY" },
    ]);

    const orders = rawRows("date-formats", "blinkit_orders.csv")
      .filter((o) => kolkataMs(o.order_date ?? "", "DMY", "-") !== undefined)
      .map((o) => ({
        total: o.order_total ?? "",
        status: o.delivery_status ?? "",
        promised: kolkataMs(o.promised_delivery_time ?? "", "YMD", "-"),
        actual: kolkataMs(o.actual_delivery_time ?? "", "MDY", "/"),
      }));
    const spend = rawRows("date-formats", "blinkit_marketing_performance.csv").map((m) => m.spend ?? "");
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, spend));

    const c2 = await one<{ d: string }>(
      t.db,
      "select registration_date as d from customers where customer_id = 'C2'",
    );
    expect(c2.d).toBe("2023-01-05"); // 05-01-2023 in a column that 17-03-2023 settles as day-first
    const o1 = await one<{ text: string }>(
      t.db,
      "select to_char(promised_delivery_time at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI:SS.US') as text from orders where order_id = 'O1'",
    );
    expect(o1.text).toBe("2024-07-17 08:52:01.776967");
  });

  it("joins split date and time columns, and bare delivery times cross midnight into the next day", async () => {
    const summary = await importDirectory(t.db, fixture("split-times"));
    expect(file(summary, "orders")).toMatchObject({ rowsLoaded: 5, rowsQuarantined: 0 });
    const { rows } = await t.db.query<{ order_id: string; o: string; p: string; a: string }>(
      `select order_id,
              to_char(order_date at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI') as o,
              to_char(promised_delivery_time at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI') as p,
              to_char(actual_delivery_time at time zone 'Asia/Kolkata', 'YYYY-MM-DD HH24:MI') as a
       from orders order by order_id`,
    );
    expect(rows).toEqual([
      { order_id: "S1", o: "2024-07-17 08:34", p: "2024-07-17 08:52", a: "2024-07-17 08:50" },
      { order_id: "S2", o: "2024-07-17 23:50", p: "2024-07-18 00:10", a: "2024-07-18 00:35" },
      { order_id: "S3", o: "2024-07-31 23:55", p: "2024-08-01 00:15", a: "2024-08-01 00:05" },
      { order_id: "S4", o: "2024-12-31 23:40", p: "2024-12-31 23:59", a: "2025-01-01 00:20" },
      { order_id: "S5", o: "2024-08-01 10:00", p: "2024-08-01 10:20", a: "2024-08-01 10:45" },
    ]);

    const orders = rawRows("split-times", "blinkit_orders.csv").map((o) => {
      const ordered = kolkataMs(`${o.order_date} ${o.order_time}`, "MDY", "/") ?? 0;
      const onOrderDay = (time: string) => {
        const at = kolkataMs(`${o.order_date} ${time}`, "MDY", "/") ?? 0;
        return at < ordered ? at + 86_400_000 : at;
      };
      return {
        total: o.order_total ?? "",
        status: o.delivery_status ?? "",
        promised: onOrderDay(o.promised_delivery_time ?? ""),
        actual: onOrderDay(o.actual_delivery_time ?? ""),
      };
    });
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, []));
  });

  it("ignores extra columns and says so", async () => {
    const summary = await importDirectory(t.db, fixture("extra-columns"));
    expect(summary.ok).toBe(true);
    expect(file(summary, "orders").ignoredColumns).toEqual(["campaign_id"]);
    expect(file(summary, "order_items").ignoredColumns).toEqual(["total_price"]);
    expect(file(summary, "delivery_performance").ignoredColumns).toEqual(["promised_date"]);
    expect(file(summary, "customers").ignoredColumns).toEqual(["loyalty_tier"]);
    expect(summary.files.map((f) => f.rowsQuarantined)).toEqual(summary.files.map(() => 0));

    const orders = rawRows("extra-columns", "blinkit_orders.csv").map((o) => ({
      total: o.order_total ?? "",
      status: o.delivery_status ?? "",
      promised: kolkataMs(o.promised_delivery_time ?? "", "YMD", "-"),
      actual: kolkataMs(o.actual_delivery_time ?? "", "YMD", "-"),
    }));
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, []));
  });

  it("loads files missing optional columns and names what each missing piece disables", async () => {
    const summary = await importDirectory(t.db, fixture("minimal"));
    expect(summary.ok).toBe(true);
    expect(file(summary, "products").renamedColumns).toEqual({ max_retail_price: "mrp" });
    // 'N/A' in a timestamp column is a missing value, not a bad row.
    expect(summary.files.map((f) => f.rowsQuarantined)).toEqual(summary.files.map(() => 0));
    expect(summary.disabled).toEqual(
      expect.arrayContaining([
        "no feedback dates: /why period filters use order dates",
        "no marketing file: spend is zero every day, so ROAS is empty",
      ]),
    );
    const p2 = await one<{ mrp: number }>(t.db, "select mrp from products where product_id = 'P2'");
    expect(p2.mrp).toBe(30);
    // Feedback without a date is dated by its order's day in the view.
    const byDay = await t.db.query<{ day: string; feedback_count: number }>(
      "select day::text as day, feedback_count from master_analytical_view order by day",
    );
    expect(byDay.rows).toEqual([
      { day: "2024-07-17", feedback_count: 2 },
      { day: "2024-07-18", feedback_count: 0 },
    ]);

    const orders = rawRows("minimal", "blinkit_orders.csv").map((o) => ({
      total: o.order_total ?? "",
      status: o.delivery_status ?? "",
      promised: kolkataMs(o.promised_delivery_time ?? "", "YMD", "-"),
      actual: kolkataMs(o.actual_delivery_time ?? "", "YMD", "-"),
    }));
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, []));
  });

  it("imports the seed project's layout: regions as areas, placeholder customers, campaigns per channel and day", async () => {
    const summary = await importDirectory(t.db, fixture("seed-layout"));
    expect(summary.ok).toBe(true);
    expect(file(summary, "orders").layout).toBe("seed project layout");
    expect(file(summary, "marketing_performance").layout).toBe("seed project layout");
    expect(file(summary, "orders").placeholderCustomers).toBe(4);
    expect(summary.disabled[0]).toContain("no customers file");

    const customers = await t.db.query<{ customer_id: string; area: string }>(
      "select customer_id, area from customers order by customer_id",
    );
    expect(customers.rows).toEqual([
      { customer_id: "101", area: "Koramangala" },
      { customer_id: "102", area: "Andheri" },
      { customer_id: "103", area: "Indiranagar" },
      { customer_id: "104", area: "Nowhere Nagar" },
    ]);
    const campaigns = await t.db.query<{ campaign_id: string; date: string }>(
      "select campaign_id, date from marketing_performance order by date, campaign_id",
    );
    expect(campaigns.rows.slice(0, 2)).toEqual([
      { campaign_id: "channel:Google Ads", date: "2024-07-17" },
      { campaign_id: "channel:Instagram", date: "2024-07-17" },
    ]);
    expect(summary.unmappedAreas.map((a) => a.area)).toContain("Nowhere Nagar");
    expect(summary.unmappedAreas.map((a) => a.area)).not.toContain("Koramangala");

    const orders = rawRows("seed-layout", "blinkit_orders.csv").map((o) => ({
      total: o.order_total ?? "",
      status: "",
      promised: kolkataMs(o.promised_time ?? "", "YMD", "-"),
      actual: kolkataMs(o.actual_time ?? "", "YMD", "-"),
    }));
    const spend = rawRows("seed-layout", "blinkit_marketing_performance.csv").map((m) => m.spend ?? "");
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, spend));

    const again = await importDirectory(t.db, fixture("seed-layout"));
    expect(again.files.map((f) => f.rowsChanged)).toEqual(again.files.map(() => 0));
  });

  it("stops on a column whose dates stay ambiguous, and imports once the format is given", async () => {
    const summary = await importDirectory(t.db, fixture("ambiguous"));
    expect(summary.ok).toBe(false);
    const orders = file(summary, "orders");
    expect(orders.status).toBe("failed");
    expect(orders.error).toContain("blinkit_orders.csv column order_date");
    expect(orders.error).toContain("DD-MM-YYYY and MM-DD-YYYY");
    expect(orders.error).toContain("--date-format blinkit_orders.order_date=DD-MM-YYYY");

    const dayFirst = await importDirectory(t.db, fixture("ambiguous"), {
      dateFormats: { "blinkit_orders.order_date": "DD-MM-YYYY" },
    });
    expect(dayFirst.ok).toBe(true);
    expect(file(dayFirst, "orders").dateFormats.promised_delivery_time).toBe(
      "DD-MM-YYYY with times (as order_date)",
    );
    const a1 = await one<{ d: string; p: string }>(
      t.db,
      `select to_char(order_date at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as d,
              to_char(promised_delivery_time at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as p
       from orders where order_id = 'A1'`,
    );
    expect(a1).toEqual({ d: "2024-04-03", p: "2024-04-03" });

    await expect(
      importDirectory(t.db, fixture("ambiguous"), {
        dateFormats: { "blinkit_order.order_date": "MM-DD-YYYY" },
      }),
    ).rejects.toThrow("--date-format blinkit_order.order_date: no such date column in this import");

    await importDirectory(t.db, fixture("ambiguous"), { dateFormats: { "orders.order_date": "MM-DD-YYYY" } });
    const a3 = await one<{ d: string }>(
      t.db,
      "select to_char(order_date at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as d from orders where order_id = 'A3'",
    );
    expect(a3.d).toBe("2024-12-11");
  });

  it("reads unknown files and headers through a YAML mapping file", async () => {
    const dir = fixture("mapping");
    const summary = await importDirectory(t.db, dir, { mapping: join(dir, "mapping.yml") });
    expect(summary.ok).toBe(true);
    expect(file(summary, "orders")).toMatchObject({ file: "sales.csv", rowsLoaded: 3, rowsQuarantined: 0 });
    expect(file(summary, "orders").dateFormats.order_date).toBe("DD/MM/YYYY with times (given)");
    expect(file(summary, "marketing_performance")).toMatchObject({ file: "ad_spend.csv", rowsLoaded: 3 });
    const t3 = await one<{ d: string; status: string; area: string }>(
      t.db,
      "select to_char(order_date at time zone 'Asia/Kolkata', 'YYYY-MM-DD') as d, delivery_status as status, area from orders where order_id = 'T3'",
    );
    expect(t3).toEqual({ d: "2024-08-01", status: "Delivered", area: "Koramangala" });

    const orders = rawRows("mapping", "sales.csv").map((o) => ({
      total: o["Amount (INR)"] ?? "",
      status: "Delivered",
      promised: kolkataMs(o["Promised By"] ?? "", "DMY", "/"),
      actual: kolkataMs(o["Delivered At"] ?? "", "DMY", "/"),
    }));
    const spend = rawRows("mapping", "ad_spend.csv").map((m) => m.Cost ?? "");
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, spend));
  });

  it("without the mapping file, unknown files are listed and nothing is guessed", async () => {
    const summary = await importDirectory(t.db, fixture("mapping"));
    expect(summary.unrecognisedFiles.sort()).toEqual(["ad_spend.csv", "sales.csv"]);
    expect(file(summary, "orders").status).toBe("missing");
  });
});
