import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import { buildIndex } from "../../../src/core/rag/index/build.ts";
import { createVectorSearcher } from "../../../src/core/rag/index/vector-search.ts";
import { loadAreaIndex } from "../../../src/core/rag/retrieve/places.ts";
import { parseQuestion } from "../../../src/core/rag/retrieve/question.ts";
import {
  fuse,
  type RankingMode,
  retrieve,
  type VectorRanking,
  withFeedbackTheme,
} from "../../../src/core/rag/retrieve/retrieve.ts";
import { parseTopic } from "../../../src/core/rag/retrieve/topic.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { insertFeedback } from "./fixtures.ts";

describe("reciprocal-rank fusion", () => {
  it("puts what both lists rank high first and keeps items found by only one", () => {
    expect(
      fuse([
        { hashes: ["a", "b", "c"], weight: 1 },
        { hashes: ["b", "d", "a"], weight: 1 },
      ]),
    ).toEqual(["b", "a", "d", "c"]);
  });

  it("lets a heavier list decide", () => {
    expect(
      fuse([
        { hashes: ["a", "b"], weight: 1 },
        { hashes: ["b", "a"], weight: 0.3 },
      ]),
    ).toEqual(["a", "b"]);
  });
});

describe("pseudo-relevance feedback for paraphrased topics", () => {
  const hit = (id: string, text: string) => ({
    contentHash: id,
    id,
    text,
    date: null,
    area: null,
    zone: null,
    rating: 1,
    category: null,
    occurrences: 1,
    customers: 1,
  });
  const paraphrase = parseTopic("orders taking too long to arrive");

  it("searches for the theme most of the best vector hits share", () => {
    const head = [
      hit("1", "came 20 minutes late"),
      hit("2", "delayed again"),
      hit("3", "waited forever"),
      hit("4", "very late"),
      hit("5", "Poor service"),
    ];
    const topic = withFeedbackTheme(paraphrase, head);
    expect(paraphrase.recognised).toBe(false);
    expect(topic.recognised).toBe(true);
    expect(topic.keywordQuery.split(" or ")).toEqual(expect.arrayContaining(["late", "delay", "waited"]));
  });

  it("keeps the question's own words when the hits do not agree", () => {
    const head = [
      hit("1", "very late"),
      hit("2", "rider was rude"),
      hit("3", "box was crushed"),
      hit("4", "meh"),
    ];
    expect(withFeedbackTheme(paraphrase, head)).toBe(paraphrase);
  });
});

describe.each(ENGINES)("retrieval on %s", (engine) => {
  let t: TestDb;
  let vectors: VectorRanking;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await insertFeedback(t.db);
    const embedder = hashingEmbedder(128);
    await buildIndex(t.db, embedder);
    vectors = { embedder, searcher: await createVectorSearcher(t.db, embedder) };
  });
  afterAll(() => t.dispose());

  async function ask(question: string, mode: RankingMode = "hybrid", withVectors = true) {
    const parsed = parseQuestion(question, { areas: await loadAreaIndex(t.db), today: "2024-03-11" });
    if (!parsed.ok) throw new Error(`unknown ${parsed.kind} ${parsed.name}`);
    return retrieve(t.db, parsed.parsed, withVectors ? vectors : null, { k: 5, mode });
  }

  it("filters by zone through the area mapping before ranking, complaints only", async () => {
    const result = await ask("Why are customers unhappy in the South Zone last week?");
    const ids = result.items.map((item) => item.id);
    // Bengaluru, HSR Layout, Koramangala, Chennai are South; the 5-star Bengaluru praise is not a complaint.
    expect(ids).toEqual(expect.arrayContaining(["F01", "F03", "F04", "F12", "F15"]));
    expect(ids).not.toContain("F09");
    expect(result.matching).toEqual({ feedback: 6, texts: 5, customers: 6 });
  });

  it("counts a repeated text once, citing its latest occurrence", async () => {
    const result = await ask("late delivery in the south zone last week", "keyword");
    const repeated = result.items.find((item) => item.text.startsWith("Order arrived very late"));
    expect(repeated).toMatchObject({
      id: "F12",
      occurrences: 2,
      customers: 2,
      area: "Koramangala",
      zone: "South",
    });
  });

  it("finds complaints by the customer's words, not only the question's", async () => {
    const result = await ask("damaged packaging in Pune last week", "keyword");
    expect(result.items.map((item) => item.id).sort()).toEqual(["F07", "F08"]);
  });

  it("ranks by keywords alone while the index is not ready, and says so", async () => {
    const result = await ask("rude riders in Delhi last week", "hybrid", false);
    expect(result.mode).toBe("keyword");
    expect(result.items.map((item) => item.id).sort()).toEqual(["F05", "F06"]);
  });

  it("fuses vector and keyword rankings in hybrid mode", async () => {
    const result = await ask("late delivery last week", "hybrid");
    expect(result.mode).toBe("hybrid");
    expect(result.items[0]?.text).toMatch(/late/i);
    expect(result.items.map((item) => item.id)).not.toContain("F14");
  });

  it("returns nothing, not an error, when no feedback matches", async () => {
    const result = await ask("rude riders in Pune in January 2023");
    expect(result.items).toEqual([]);
    expect(result.matching.feedback).toBe(0);
  });
});
