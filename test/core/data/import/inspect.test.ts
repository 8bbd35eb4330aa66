import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatInspectReport, inspectDirectory } from "../../../../src/core/data/import/inspect.ts";
import { FIXTURES } from "./raw-rows.ts";

describe("inspectDirectory", () => {
  it("reports layout, rows, column mapping, formats, missing pieces and first problems without loading", async () => {
    const report = await inspectDirectory(join(FIXTURES, "date-formats"));
    expect(report.ok).toBe(true);
    const orders = report.files.find((f) => f.table === "orders");
    expect(orders).toMatchObject({
      file: "blinkit_orders.csv",
      status: "ready",
      layout: "canonical Blinkit export",
      rows: 6,
    });
    expect(orders?.columns.find((c) => c.field === "order_date")).toEqual({
      column: "order_date",
      field: "order_date",
      source: "column",
      format: "DD-MM-YYYY with times",
      misfits: 1,
    });
    expect(orders?.problems).toEqual([
      { line: 5, reason: "order_date '2024-07-18 10:00:00' does not match the column's format DD-MM-YYYY" },
    ]);
    expect(report.files.find((f) => f.table === "products")).toMatchObject({ status: "missing" });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);

    const text = formatInspectReport(report);
    expect(text).toContain("blinkit_orders.csv → orders: canonical Blinkit export, 6 rows");
    expect(text).toMatch(/order_date\s+→ order_date {2}DD-MM-YYYY with times {2}\(1 values do not fit/);
    expect(text).toContain("line 5: order_date '2024-07-18 10:00:00' does not match");
    expect(text).toContain("blinkit_products.csv: not found (products)");
  });

  it("shows renamed, derived and ignored columns, and what missing columns disable", async () => {
    const report = await inspectDirectory(join(FIXTURES, "seed-layout"));
    const marketing = report.files.find((f) => f.table === "marketing_performance");
    expect(marketing?.layout).toBe("seed project layout");
    expect(marketing?.columns).toContainEqual({
      column: null,
      field: "campaign_id",
      source: "derived",
      how: "derived as 'channel:<channel>' (no campaign_id column)",
    });
    const orders = report.files.find((f) => f.table === "orders");
    expect(orders?.columns).toContainEqual({ column: "region", field: "area", source: "renamed" });
    const minimal = await inspectDirectory(join(FIXTURES, "minimal"));
    expect(minimal.files.find((f) => f.table === "customer_feedback")?.disabled).toEqual([
      "no feedback dates: /why period filters use order dates",
    ]);
  });

  it("flags files that cannot be imported as they are", async () => {
    const report = await inspectDirectory(join(FIXTURES, "ambiguous"));
    expect(report.ok).toBe(false);
    expect(formatInspectReport(report)).toContain("--date-format blinkit_orders.order_date=DD-MM-YYYY");
  });

  it("explains files that cannot be read at all: unreadable CSV, empty file, a date column with no dates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "inspect-"));
    try {
      writeFileSync(join(dir, "blinkit_products.csv"), 'product_id,product_name\nP1,"never closed\nP2,x\n');
      writeFileSync(join(dir, "blinkit_inventory.csv"), "");
      writeFileSync(
        join(dir, "blinkit_orders.csv"),
        "order_id,customer_id,order_date,order_total\nO1,C1,soon,10\nO2,C1,later,20\n",
      );
      const report = await inspectDirectory(dir);
      const error = (table: string) => report.files.find((f) => f.table === table)?.error;
      expect(error("products")).toMatch(/^blinkit_products\.csv cannot be read as CSV \(line \d+: .*quote/i);
      expect(error("inventory")).toBe("blinkit_inventory.csv is empty: it has no header row.");
      expect(error("orders")).toContain(
        "blinkit_orders.csv column order_date: no value looks like a date or time (first: 'soon')",
      );
      expect(report.ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
