import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMappingFile, parseMapping } from "../../../../src/core/data/import/mapping.ts";
import { storedFields, TABLES } from "../../../../src/core/data/import/tables.ts";
import { SQL_DIR } from "../../../../src/core/db/sql-files.ts";
import { FIXTURES } from "./raw-rows.ts";

describe("mapping file", () => {
  it("loads the fixture's YAML", () => {
    const mapping = loadMappingFile(join(FIXTURES, "mapping", "mapping.yml"));
    expect(mapping.files?.["sales.csv"]?.table).toBe("orders");
    expect(mapping.files?.["sales.csv"]?.values).toEqual({ delivery_status: "Delivered" });
  });

  it("names every mistake instead of ignoring it", () => {
    expect(() =>
      parseMapping({
        files: {
          "sales.csv": {
            table: "orders",
            columns: { Amount: "order_totl" },
            dateFormats: { When: "DD/MM/YY" },
          },
          "x.csv": { columns: { a: "b" } },
        },
        timeZone: "Mars/Olympus",
      }),
    ).toThrow(
      /timeZone: must be an IANA time zone[\s\S]*dateFormats\.When: is not a known date format \(use one of YYYY-MM-DD/,
    );
    expect(() =>
      parseMapping({ files: { "sales.csv": { table: "orders", columns: { Amount: "order_totl" } } } }),
    ).toThrow("'order_totl' is not a field of orders");
    expect(() => parseMapping({ files: { "x.csv": { columns: { a: "b" } } } })).toThrow(
      "files.x.csv: say which table it feeds",
    );
    expect(() => loadMappingFile(join(FIXTURES, "mapping", "sales.csv"))).toThrow(/not a valid mapping/);
  });
});

describe("upsert statements", () => {
  it.each(TABLES.map((t) => [t.table, t] as const))(
    "%s lists its columns in the order the importer sends them",
    (table, spec) => {
      const sql = readFileSync(join(SQL_DIR, "queries", `import_upsert_${table}.sql`), "utf8");
      const columns = /as r\(([^)]*)\)/
        .exec(sql)?.[1]
        ?.split(",")
        .map((c) => c.trim());
      expect(columns).toEqual(storedFields(spec).map((f) => f.name));
    },
  );
});
