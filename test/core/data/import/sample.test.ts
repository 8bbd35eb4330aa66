import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../../../../src/core/data/import/import.ts";
import type { ImportSummary } from "../../../../src/core/data/import/summary.ts";
import { createTestDb, ENGINES, type TestDb } from "../../../harness/db.ts";
import { expectedOrderTotals, kolkataMs, viewTotals } from "./raw-rows.ts";

const SAMPLE = join(import.meta.dirname, "..", "..", "..", "..", "data", "sample");
const sampleRows = (file: string): Record<string, string>[] =>
  parse(readFileSync(join(SAMPLE, file), "utf8"), { columns: true, skip_empty_lines: true });

describe.each(ENGINES)("the generated sample end to end on %s", (engine) => {
  let t: TestDb;
  let first: ImportSummary;
  beforeAll(async () => {
    t = await createTestDb(engine);
    first = await importDirectory(t.db, SAMPLE);
  });
  afterAll(() => t.dispose());

  it("loads every row of every file", () => {
    expect(first.ok).toBe(true);
    for (const f of first.files) {
      expect({ file: f.file, quarantined: f.rowsQuarantined }).toEqual({ file: f.file, quarantined: 0 });
      expect(f.rowsLoaded).toBe(sampleRows(f.file ?? "").length);
    }
    expect(first.unmappedAreas).toEqual([]);
  });

  it("gives the view the totals computed from the raw CSVs", async () => {
    const orders = sampleRows("blinkit_orders.csv").map((o) => ({
      total: o.order_total ?? "",
      status: o.delivery_status ?? "",
      promised: kolkataMs(o.promised_delivery_time ?? "", "YMD", "-"),
      actual: kolkataMs(o.actual_delivery_time ?? "", "YMD", "-"),
    }));
    const spend = sampleRows("blinkit_marketing_performance.csv").map((m) => m.spend ?? "");
    expect(await viewTotals(t.db)).toEqual(expectedOrderTotals(orders, spend));
  });

  it("re-imports without changing a row", async () => {
    const again = await importDirectory(t.db, SAMPLE);
    expect(again.files.map((f) => f.rowsChanged)).toEqual(again.files.map(() => 0));
  });
});
