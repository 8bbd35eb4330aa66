import { describe, expect, it } from "vitest";
import {
  candidateFormats,
  FormatTally,
  findFormat,
  parseDateTime,
  parseTimeOfDay,
} from "../../../../src/core/data/import/dates.ts";
import { toTimestampText } from "../../../../src/core/data/import/time-zone.ts";

const labels = (value: string) => candidateFormats(value).map((f) => f.label);
const format = (label: string) => {
  const found = findFormat(label);
  if (!found) throw new Error(label);
  return found;
};

describe("date formats", () => {
  it("recognises the shapes real exports use", () => {
    expect(labels("2024-07-17 08:34:01")).toEqual(["YYYY-MM-DD"]);
    expect(labels("2024-07-17")).toEqual(["YYYY-MM-DD"]);
    expect(labels("7/17/2024 8:52")).toEqual(["MM/DD/YYYY"]);
    expect(labels("7/17/2024")).toEqual(["MM/DD/YYYY"]);
    expect(labels("17-07-2024 08:34")).toEqual(["DD-MM-YYYY"]);
    expect(labels("17-03-2023")).toEqual(["DD-MM-YYYY"]);
    expect(labels("2023-07-08 09:00:18.776967")).toEqual(["YYYY-MM-DD"]);
    expect(labels("03-04-2024")).toEqual(["DD-MM-YYYY", "MM-DD-YYYY"]);
    expect(labels("8:52")).toEqual(["H:MM"]);
    expect(labels("13/13/2024")).toEqual([]);
    expect(labels("yesterday")).toEqual([]);
  });

  it("reads values exactly, refusing impossible dates and times", () => {
    expect(parseDateTime("2023-07-08 09:00:18.776967", format("YYYY-MM-DD"))).toMatchObject({
      year: 2023,
      month: 7,
      day: 8,
      hour: 9,
      minute: 0,
      second: 18,
      fraction: ".776967",
      offset: null,
    });
    expect(parseDateTime("7/17/2024 8:52 PM", format("MM/DD/YYYY"))).toMatchObject({ day: 17, hour: 20 });
    expect(parseDateTime("7/17/2024 12:05 AM", format("MM/DD/YYYY"))).toMatchObject({ hour: 0, minute: 5 });
    expect(parseDateTime("2024-07-17T03:04:01Z", format("YYYY-MM-DD"))).toMatchObject({ offset: "+00:00" });
    expect(parseDateTime("2024-02-29", format("YYYY-MM-DD"))).toMatchObject({ day: 29 });
    expect(parseDateTime("2023-02-29", format("YYYY-MM-DD"))).toBe("'2023-02-29' is not a real date");
    expect(parseDateTime("31-04-2024", format("DD-MM-YYYY"))).toBe("'31-04-2024' is not a real date");
    expect(parseDateTime("2024-07-17 24:10", format("YYYY-MM-DD"))).toBe(
      "'2024-07-17 24:10' is not a real time of day",
    );
    expect(parseDateTime("17-07-2024", format("MM-DD-YYYY"))).toBe(
      "'17-07-2024' does not match the column's format MM-DD-YYYY",
    );
    expect(parseTimeOfDay("0:05")).toEqual({ hour: 0, minute: 5, second: 0, fraction: "" });
    expect(parseTimeOfDay("25:00")).toBe("'25:00' is not a real time of day");
  });

  it("decides per column: a day above 12 anywhere settles it, otherwise the column stays ambiguous", () => {
    const settled = new FormatTally([format("DD-MM-YYYY"), format("MM-DD-YYYY")]);
    for (const v of ["03-04-2024", "05-06-2024", "13-06-2024"]) settled.add(v);
    expect(settled.best().map((f) => f.label)).toEqual(["DD-MM-YYYY"]);

    const ambiguous = new FormatTally([format("DD-MM-YYYY"), format("MM-DD-YYYY")]);
    for (const v of ["03-04-2024", "05-06-2024"]) ambiguous.add(v);
    expect(ambiguous.best().map((f) => f.label)).toEqual(["DD-MM-YYYY", "MM-DD-YYYY"]);

    const contradictory = new FormatTally([format("DD-MM-YYYY"), format("MM-DD-YYYY")]);
    for (const v of ["13-06-2024", "06-13-2024"]) contradictory.add(v);
    expect(contradictory.best()).toHaveLength(2);
  });

  it("gives naive readings the offset of the import time zone on that date", () => {
    const read = (v: string) => {
      const local = parseDateTime(v, format("YYYY-MM-DD"));
      if (typeof local === "string") throw new Error(local);
      return local;
    };
    expect(toTimestampText(read("2024-07-17 08:34:01"), "Asia/Kolkata")).toBe("2024-07-17 08:34:01+05:30");
    expect(toTimestampText(read("2024-07-17 08:00"), "America/New_York")).toBe("2024-07-17 08:00:00-04:00");
    expect(toTimestampText(read("2024-01-17 08:00"), "America/New_York")).toBe("2024-01-17 08:00:00-05:00");
    expect(toTimestampText(read("2024-07-17 08:00:00.5+02:00"), "Asia/Kolkata")).toBe(
      "2024-07-17 08:00:00.5+02:00",
    );
  });
});
