import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvWriter, csvField } from "../../../../src/core/data/generate/csv-writer.ts";

describe("CsvWriter", () => {
  it("quotes only fields that need it and doubles inner quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(null)).toBe("");
    expect(csvField(12.5)).toBe("12.5");
  });

  it("streams many rows that an independent parser reads back intact", async () => {
    const dir = await mkdtemp(join(tmpdir(), "blinkit-csv-"));
    try {
      const path = join(dir, "t.csv");
      const writer = await CsvWriter.open(path, ["id", "text"]);
      const rows = Array.from({ length: 20_000 }, (_, i) => [
        String(i),
        i % 7 === 0 ? `Flat ${i}, "Tower"\nCity` : `t${i}`,
      ]);
      for (const r of rows) await writer.write(r);
      await writer.close();
      expect(writer.rows).toBe(rows.length);
      const parsed = parse(await readFile(path)) as string[][];
      expect(parsed[0]).toEqual(["id", "text"]);
      expect(parsed.slice(1)).toEqual(rows);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
