import { describe, expect, it } from "vitest";
import { parsePeriod, referenceDay } from "../../../src/core/rag/retrieve/period.ts";
import { parseQuestion } from "../../../src/core/rag/retrieve/question.ts";
import { parseTopic } from "../../../src/core/rag/retrieve/topic.ts";

const AREAS = new Map(
  ["Bengaluru", "HSR Layout", "Andheri West", "Pune", "Delhi", "Una"].map((area) => [
    area.toLowerCase(),
    area,
  ]),
);
const TODAY = "2024-03-11";

describe("periods, relative to the day after the latest data", () => {
  it("anchors on the data for a historical export and on the clock for live data", () => {
    expect(referenceDay("2024-03-10", "2026-11-25")).toBe("2024-03-11");
    expect(referenceDay("2026-11-25", "2026-11-25")).toBe("2026-11-25");
    expect(referenceDay(null, "2026-11-25")).toBe("2026-11-25");
  });

  it.each([
    ["why did sales drop yesterday?", "2024-03-10", "2024-03-10"],
    ["complaints last week", "2024-03-04", "2024-03-10"],
    ["in the past 3 days", "2024-03-08", "2024-03-10"],
    ["last two weeks", "2024-02-26", "2024-03-10"],
    ["unhappy in March", "2024-03-01", "2024-03-31"],
    ["what happened in november", "2023-11-01", "2023-11-30"],
    ["feb 2024", "2024-02-01", "2024-02-29"],
    ["last month", "2024-02-01", "2024-02-29"],
    ["this month", "2024-03-01", "2024-03-11"],
    ["on 2024-03-05", "2024-03-05", "2024-03-05"],
    ["between 2024-03-09 and 2024-03-01", "2024-03-01", "2024-03-09"],
    ["since 2024-03-01", "2024-03-01", "2024-03-11"],
    ["complaints since friday", "2024-03-08", "2024-03-11"],
    ["since monday", "2024-03-04", "2024-03-11"],
    ["last quarter", "2023-10-01", "2023-12-31"],
    ["this quarter", "2024-01-01", "2024-03-11"],
    ["over the past year", "2023-03-12", "2024-03-10"],
    ["the day before yesterday", "2024-03-09", "2024-03-09"],
    ["3 days ago", "2024-03-08", "2024-03-08"],
    ["two weeks ago", "2024-02-26", "2024-03-03"],
    ["why were people unhappy on saturday", "2024-03-09", "2024-03-09"],
    ["last sunday", "2024-03-10", "2024-03-10"],
    ["what went wrong over the weekend", "2024-03-09", "2024-03-10"],
  ])("%s → %s..%s", (question, from, to) => {
    expect(parsePeriod(question, TODAY)).toMatchObject({ from, to });
  });

  it("does not read the verb 'may' or a nonsense date as a period", () => {
    expect(parsePeriod("why may customers be unhappy", TODAY)).toBeNull();
    expect(parsePeriod("on 2024-02-30", TODAY)).toBeNull();
  });
});

describe("questions", () => {
  const parse = (question: string) => parseQuestion(question, { areas: AREAS, today: TODAY });

  it("reads zone, period and a complaints-only filter from the seed's example", () => {
    const result = parse("Why are customers unhappy in the South Zone?");
    if (!result.ok) throw new Error("unexpected unknown zone");
    expect(result.parsed.filter).toEqual({
      zone: "South",
      areaKeys: null,
      from: "2024-02-10",
      to: "2024-03-10",
      maxRating: 3,
    });
    expect(result.parsed.periodGiven).toBe(false);
    expect(result.parsed.topic.terms).toEqual([]);
  });

  it("prefers the longest area name, so 'Andheri West' is an area and not the West zone", () => {
    const result = parse("why are deliveries late in Andheri West last week");
    if (!result.ok) throw new Error("unexpected unknown zone");
    expect(result.parsed.place).toMatchObject({
      zone: null,
      areas: ["Andheri West"],
      areaKeys: ["andheri west"],
    });
    expect(result.parsed.filter.from).toBe("2024-03-04");
    expect(result.parsed.topic.terms).toEqual(["deliveries", "late"]);
    expect(result.parsed.topic.keywordQuery).toContain("delay");
  });

  it("finds multi-word localities and keeps their words out of the topic", () => {
    const result = parse("rude riders in HSR Layout?");
    if (!result.ok) throw new Error("unexpected unknown zone");
    expect(result.parsed.place.areas).toEqual(["HSR Layout"]);
    expect(result.parsed.topic.terms).toEqual(["rude", "riders"]);
  });

  it("reports a zone that does not exist, with the known ones", () => {
    const result = parse("why are customers unhappy in the Southwest zone");
    expect(result).toMatchObject({ ok: false, kind: "zone", name: "Southwest zone" });
    if (result.ok) throw new Error("expected a failure");
    expect(result.knownZones).toContain("North-East");
  });

  it("reports a capitalised place the data does not know instead of answering for all areas", () => {
    expect(parse("why are customers in Atlantis unhappy this week?")).toMatchObject({
      ok: false,
      kind: "place",
      name: "Atlantis",
    });
    // Months, complaint words and lower-case words are not taken for places.
    for (const question of ["what happened in March", "complaints in Packaging", "unhappy in general"]) {
      expect(parse(question).ok, question).toBe(true);
    }
  });

  it("reads north east spelled apart as the North-East zone", () => {
    const result = parse("complaints in north east");
    expect(result.ok && result.parsed.filter.zone).toBe("North-East");
  });
});

describe("topics", () => {
  it("drops framing words and widens the customer's vocabulary", () => {
    const topic = parseTopic("why are customers complaining about damaged packaging");
    expect(topic.terms).toEqual(["damaged", "packaging"]);
    expect(topic.keywordQuery.split(" or ")).toEqual(expect.arrayContaining(["damaged", "broken", "leak"]));
    expect(topic.complaintsOnly).toBe(true);
  });

  it("does not search for what every order has ('items'), only for what went wrong with it", () => {
    expect(parseTopic("missing items").terms).toEqual(["missing"]);
    expect(parseTopic("wrong products").terms).toEqual(["wrong"]);
    // …but they stay in the phrase that is embedded.
    expect(parseTopic("upset about items arriving in bad condition").text).toBe(
      "items arriving in bad condition",
    );
  });

  it("keeps all ratings for praise but not for negated praise", () => {
    expect(parseTopic("what do customers love").complaintsOnly).toBe(false);
    expect(parseTopic("why are customers not happy").complaintsOnly).toBe(true);
    expect(parseTopic("why don't customers like us").complaintsOnly).toBe(true);
  });
});
