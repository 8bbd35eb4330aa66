import { describe, expect, it } from "vitest";
import {
  complaintText,
  type ItemMention,
  lukewarmText,
  neutralText,
  PRAISE_TOPICS,
  praiseText,
  type TextContext,
} from "../../../../src/core/data/generate/feedback-text.ts";
import { CAUSE_KEYWORDS, type Cause } from "../../../../src/core/data/generate/incidents.ts";
import { Rng } from "../../../../src/core/data/generate/rng.ts";

const ITEMS: readonly ItemMention[] = [
  { noun: "milk", texture: "liquid", perishable: true },
  { noun: "eggs", texture: "fragile", perishable: true },
  { noun: "paneer", texture: "solid", perishable: true },
  { noun: "salt", texture: "solid", perishable: false },
  { noun: "chips", texture: "fragile", perishable: false },
  { noun: "oil", texture: "liquid", perishable: false },
];

const context = (
  rng: Rng,
  items: readonly ItemMention[] = [rng.pick(ITEMS), rng.pick(ITEMS)],
): TextContext => ({
  items,
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
      const text =
        i % 2 === 0
          ? neutralText(rng, "late_delivery", context(rng))
          : lukewarmText(rng, rng.pick(PRAISE_TOPICS), context(rng));
      expect(text).not.toMatch(/\.\s*\./);
      expect(text).not.toMatch(/, [A-Z][a-z]/);
    }
  });

  it("fits the complaint to the product: only liquids leak, only perishables rot", () => {
    const rng = new Rng(7, "test");
    const salt = ITEMS[3] as ItemMention;
    for (let i = 0; i < 300; i++) {
      const damaged = complaintText(rng, "damaged_packaging", context(rng, [salt]));
      expect(damaged).not.toMatch(/leak|spill|broken, half|crushed under/i);
      const stale = complaintText(rng, "stale_products", context(rng, [salt]));
      expect(stale).not.toMatch(/rotten|smelled|stale|purana|spoiled/i);
    }
    const milk = ITEMS[0] as ItemMention;
    const texts = Array.from({ length: 300 }, () =>
      complaintText(rng, "damaged_packaging", context(rng, [milk])),
    );
    expect(texts.some((t) => /leak|spill/i.test(t))).toBe(true);
  });

  it("never leaves a placeholder unfilled, even for one-item orders", () => {
    const rng = new Rng(8, "test");
    for (let i = 0; i < 2000; i++) {
      const ctx = context(rng, [rng.pick(ITEMS)]);
      const cause = rng.pick(Object.keys(CAUSE_KEYWORDS) as Cause[]);
      const topic = rng.pick(PRAISE_TOPICS);
      const texts = [
        complaintText(rng, cause, ctx),
        neutralText(rng, cause, ctx),
        lukewarmText(rng, topic, ctx),
        praiseText(rng, topic, ctx),
      ];
      for (const text of texts) {
        expect(text).not.toMatch(/[{}]|liquid:|fragile:|perishable:/);
      }
    }
  });
});
