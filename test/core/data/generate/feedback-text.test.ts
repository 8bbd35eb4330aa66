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
  it("composes hundreds of distinct complaints per cause, most naming the cause in its own words", () => {
    const rng = new Rng(3, "test");
    for (const cause of Object.keys(CAUSE_KEYWORDS) as Cause[]) {
      const texts = Array.from({ length: 600 }, () => complaintText(rng, cause, context(rng)));
      expect(new Set(texts).size, cause).toBeGreaterThan(200);
      // Short generic replies aside, complaints are recognisably about their cause.
      const words = [
        ...CAUSE_KEYWORDS[cause],
        "rider",
        "delivery",
        "instead",
        "bag",
        "order",
        "fresh",
        "spoiled",
        "purana",
        "mehenga",
        "support",
        "care",
        "ticket",
        "paisa",
        "cost",
        "fee",
        "brand",
        "crushed",
        "squashed",
        "spilled",
        "cracked",
        "seal",
        "wrong",
      ];
      const onTopic = texts.filter((t) => words.some((w) => t.toLowerCase().includes(w)));
      expect(onTopic.length / texts.length, cause).toBeGreaterThan(0.85);
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
