import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CsvReadError, readCsv } from "../../../../src/core/data/import/csv.ts";

const dir = mkdtempSync(join(tmpdir(), "csv-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(text: string) {
  const path = join(dir, `f${Math.random()}.csv`);
  writeFileSync(path, text);
  const records = [];
  for await (const r of readCsv(path)) records.push(r);
  return records;
}

describe("readCsv", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("numbers records by their first physical line (%s line ends)", async (_, nl) => {
    const text = ["id,note", '1,"two', 'lines"', "", "2,plain", '3,"a', "", 'c"', "4,last"].join(nl);
    const records = await read(text);
    expect(records.map((r) => [r.line, r.fields])).toEqual([
      [1, ["id", "note"]],
      [2, ["1", `two${nl}lines`]],
      [5, ["2", "plain"]],
      [6, ["3", `a${nl}${nl}c`]],
      [9, ["4", "last"]],
    ]);
    expect(records[3]?.raw).toBe(`3,"a${nl}${nl}c"`);
  });

  it("drops a byte-order mark so the first header name matches", async () => {
    expect((await read("\uFEFForder_id,x\n1,2\n"))[0]?.fields).toEqual(["order_id", "x"]);
  });

  it("passes rows with a wrong field count through, and reports an unclosed quote as unreadable", async () => {
    expect((await read("a,b\n1,2,3\n4\n")).map((r) => r.fields.length)).toEqual([2, 3, 1]);
    await expect(read('a,b\n1,"never closed\n2,3\n')).rejects.toBeInstanceOf(CsvReadError);
  });
});
