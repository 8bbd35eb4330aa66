import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupByTheme, themeOf } from "../../../src/core/rag/answer/themes.ts";
import { representativeSample } from "../../../src/core/rag/retrieve/representative.ts";
import { topComplaintTheme } from "../../../src/core/rag/top-theme.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { insertFeedback } from "./fixtures.ts";

const item = (id: string, text: string, occurrences = 1, rating = 1) => ({
  contentHash: id,
  id,
  text,
  category: null,
  rating,
  occurrences,
});

describe("complaint themes", () => {
  it.each([
    ["Order came 25 minutes late", "late-delivery"],
    ["the milk packet was torn and leaking", "damaged"],
    ["rider ne bahut badtameezi ki", "staff"],
    ["got chips instead of muffins", "wrong"],
    ["order incomplete, milk missing", "missing"],
    ["still waiting for my refund of Rs 542", "refund-payment"],
    ["my order arrived way past the promised time", "late-delivery"],
    ["Delivery took 26 minutes, not 10", "late-delivery"],
    ["It took forever", "late-delivery"],
    ["raised a ticket, nobody got back", "support"],
    ["the box came crushed. will switch to another app", "damaged"],
    ["refund not received after 5 days", "refund-payment"],
    ["bahut mehenga ho gaya hai", "price"],
    ["Curd costs more here than at the supermarket", "price"],
  ])("%s → %s", (text, theme) => {
    expect(themeOf(text, null).id).toBe(theme);
  });

  it("falls back to the feedback's category, then to 'other'", () => {
    expect(themeOf("meh", "Packaging").label).toBe("Packaging complaints");
    expect(themeOf("meh", null).id).toBe("other");
  });

  it("counts feedback rows, not distinct texts, and puts the biggest theme first", () => {
    const groups = groupByTheme([
      { ...item("a", "rider was rude"), category: null },
      { ...item("b", "late again", 5), category: null },
      { ...item("c", "delivery delayed"), category: null },
    ]);
    expect(groups.map((g) => [g.theme.id, g.count])).toEqual([
      ["late-delivery", 6],
      ["staff", 1],
    ]);
  });
});

describe("representative sample for questions with no topic", () => {
  it("gives themes slots in proportion to their size, interleaved, and skips lukewarm noise", () => {
    const items = [
      ...Array.from({ length: 8 }, (_, i) => item(`late${i}`, `delivery was late by ${i} minutes`)),
      ...Array.from({ length: 4 }, (_, i) => item(`rude${i}`, `the rider was rude ${i}`)),
      item("fine", "Fine", 30, 3),
    ];
    const sample = representativeSample(items, 6);
    expect(sample.map((s) => s.id)).toEqual(["late0", "rude0", "late1", "late2", "rude1", "late3"]);
  });

  it("leaves out bare verdicts that give no reason, but keeps unthemed complaints that explain", () => {
    const items = [
      item("verdict", "Not satisfied", 40),
      item("late", "delivery was late again"),
      item("story", "The society guard was not informed and the order went back"),
    ];
    expect(representativeSample(items, 5).map((s) => s.id)).toEqual(["late", "story"]);
  });

  it("favours the theme that grew against the previous period", () => {
    const now = [
      ...Array.from({ length: 6 }, (_, i) => item(`late${i}`, `delivery was late by ${i} minutes`)),
      ...Array.from({ length: 6 }, (_, i) => item(`rude${i}`, `the rider was rude ${i}`)),
    ];
    const before = Array.from({ length: 6 }, (_, i) => item(`old${i}`, `late again ${i}`));
    const ids = representativeSample(now, 8, before).map((s) => s.id.replace(/\d$/, ""));
    expect(ids.filter((id) => id === "rude")).toHaveLength(6);
    expect(ids[0]).toBe("rude");
  });

  it("returns everything when there is less than asked for", () => {
    expect(representativeSample([item("a", "late"), item("b", "rude rider")], 10)).toHaveLength(2);
  });
});

describe.each(ENGINES)("top complaint theme for the digest on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await insertFeedback(t.db);
  });
  afterAll(() => t.dispose());

  it("returns the most frequent theme of the range with two quotes", async () => {
    const top = await topComplaintTheme(t.db, { from: "2024-03-04", to: "2024-03-10" });
    expect(top).toMatchObject({ theme: "Late or slow delivery", count: 5, total: 11 });
    expect(top?.quotes.map((q) => q.id)).toEqual(["F12", "F04"]);
    expect(top?.quotes[0]?.text).toMatch(/\(×2\)$/);
  });

  it("returns null when nobody complained", async () => {
    expect(await topComplaintTheme(t.db, { from: "2023-01-01", to: "2023-01-31" })).toBeNull();
  });
});
