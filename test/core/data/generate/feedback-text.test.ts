import { describe, expect, it } from "vitest";
import {
  complaintText,
  neutralText,
  PRAISE_TOPICS,
  praiseText,
  type TextContext,
} from "../../../../src/core/data/generate/feedback-text.ts";
import { CAUSE_KEYWORDS, type Cause } from "../../../../src/core/data/generate/incidents.ts";
import { Rng } from "../../../../src/core/data/generate/rng.ts";

const context = (rng: Rng): TextContext => ({
  product: rng.pick(["milk", "eggs", "bread", "paneer", "chips"]),
  otherProduct: rng.pick(["curd", "tomatoes", "atta"]),
  minutesLate: rng.int(1, 40),
  promisedMinutes: rng.pick([10, 15, 20, 30]),
  minutesTaken: rng.int(12, 60),
  area: "Pune",
  rain: false,
});

describe("feedback texts", () => {
  it("composes hundreds of distinct complaints per cause, most naming the cause by a keyword", () => {
    const rng = new Rng(3, "test");
    for (const cause of Object.keys(CAUSE_KEYWORDS) as Cause[]) {
      const texts = Array.from({ length: 600 }, () => complaintText(rng, cause, context(rng)));
      expect(new Set(texts).size, cause).toBeGreaterThan(200);
      // Most complaints carry a keyword of their cause (keyword search finds them); the rest use
      // other words on purpose ("never got it", "nahi aaya"), which only semantic search can match.
      const withKeyword = texts.filter((t) => CAUSE_KEYWORDS[cause].some((w) => t.toLowerCase().includes(w)));
      expect(withKeyword.length / texts.length, cause).toBeGreaterThan(0.6);
      expect(withKeyword.length / texts.length, cause).toBeLessThan(1);
    }
  });

  it("repeats short praise often, as real exports do, and varies the rest", () => {
    const rng = new Rng(4, "test");
    const texts = Array.from({ length: 2000 }, () => praiseText(rng, rng.pick(PRAISE_TOPICS), context(rng)));
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(50);
    expect(counts.size).toBeGreaterThan(300);
  });

  it("mentions the rain on the planted sales-drop day", () => {
    const rng = new Rng(5, "test");
    const texts = Array.from({ length: 200 }, () =>
      complaintText(rng, "late_delivery", { ...context(rng), rain: true }),
    );
    expect(texts.filter((t) => /rain|barish|flooded|waterlogging/i.test(t)).length).toBeGreaterThan(100);
  });

  it("writes neutral reviews without broken punctuation", () => {
    const rng = new Rng(6, "test");
    for (let i = 0; i < 500; i++) {
      const text = neutralText(rng, "late_delivery", context(rng));
      expect(text).not.toMatch(/\.\s*\./);
      expect(text).not.toMatch(/, [A-Z][a-z]/);
    }
  });
});
