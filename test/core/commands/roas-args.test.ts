import { describe, expect, it } from "vitest";
import { parseRoasArgs } from "../../../src/core/commands/roas-args.ts";

const range = (text: string) => {
  const parsed = parseRoasArgs(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe("/roas argument parsing", () => {
  it.each([
    ["", 30],
    ["7d", 7],
    ["7", 7],
    ["week", 7],
    ["30d", 30],
    ["month", 30],
    ["365d", 365],
    ["year", 365],
    ["  14 days ", 14],
    ["LAST 7D", 7],
  ])("%j means the last %i days", (text, days) => {
    expect(range(text)).toMatchObject({ kind: "kpis", range: { kind: "last", days } });
  });

  it("reads explicit ISO ranges", () => {
    expect(range("2024-06-01..2024-06-30")).toMatchObject({
      range: { kind: "between", from: "2024-06-01", to: "2024-06-30" },
    });
    expect(range("2024-06-01 to 2024-06-30")).toMatchObject({ range: { kind: "between" } });
  });

  it("knows help and sql", () => {
    expect(range("help")).toEqual({ kind: "help" });
    expect(range("sql")).toEqual({ kind: "sql" });
  });

  it.each([
    ["fortnight", /don't understand/],
    ["0d", /between 1 and 730/],
    ["9999", /between 1 and 730/],
    ["2024-06-30..2024-06-01", /reversed/],
    ["2024-02-30..2024-03-01", /not a real calendar date/],
    ["2024-06-01..", /don't understand/],
    ["<!channel> 7d", /don't understand/],
  ])("rejects %j with a clear message", (text, message) => {
    const parsed = parseRoasArgs(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
