import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dot, type Embedder } from "../../../src/core/rag/embedder/types.ts";
import { loadUseLite } from "../../../src/core/rag/embedder/use-lite.ts";
import { buildIndex } from "../../../src/core/rag/index/build.ts";
import { createVectorSearcher } from "../../../src/core/rag/index/vector-search.ts";
import { loadAreaIndex } from "../../../src/core/rag/retrieve/places.ts";
import { parseQuestion } from "../../../src/core/rag/retrieve/question.ts";
import { retrieve } from "../../../src/core/rag/retrieve/retrieve.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { insertFeedback } from "./fixtures.ts";

// The real offline model, loaded once for the file (TensorFlow.js: ~150 MB, a second or two).
let use: Embedder;
beforeAll(async () => {
  use = await loadUseLite();
});

describe("Universal Sentence Encoder lite", () => {
  it("loads offline and gives 512-d unit vectors that place related complaints closer", async () => {
    const [leak, spill, rude] = await use.embed([
      "the milk packet was leaking",
      "packaging damaged and the liquid spilled",
      "the rider shouted at me",
    ]);
    if (!leak || !spill || !rude) throw new Error("missing vectors");
    expect(use.dim).toBe(512);
    expect(leak).toHaveLength(512);
    expect(dot(leak, leak)).toBeCloseTo(1, 4);
    expect(dot(leak, spill)).toBeGreaterThan(dot(leak, rude));
  });
});

describe.each(ENGINES)("semantic retrieval with the real model on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await insertFeedback(t.db);
    await buildIndex(t.db, use);
  });
  afterAll(() => t.dispose());

  it("finds rudeness asked about in other words among all last week's complaints, by vectors alone", async () => {
    const parsed = parseQuestion("bad behaviour by the delivery person last week", {
      areas: await loadAreaIndex(t.db),
      today: "2024-03-11",
    });
    if (!parsed.ok) throw new Error("unexpected unknown zone");
    const vectors = { embedder: use, searcher: await createVectorSearcher(t.db, use) };
    const result = await retrieve(t.db, parsed.parsed, vectors, { k: 1, mode: "vector" });
    expect(["F05", "F06"]).toContain(result.items[0]?.id);
  });
});
