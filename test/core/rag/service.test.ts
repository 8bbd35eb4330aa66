import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import type { Embedder } from "../../../src/core/rag/embedder/types.ts";
import { indexCounts } from "../../../src/core/rag/index/build.ts";
import { RagService } from "../../../src/core/rag/service.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { FEEDBACK, insertFeedback } from "./fixtures.ts";

describe.each(ENGINES)("the RAG service on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await insertFeedback(t.db, FEEDBACK.slice(0, 10));
  });
  afterAll(() => t.dispose());

  it("builds in the background, then serves vectors and catches up with new feedback", async () => {
    const rag = new RagService(t.db, { embedderInstance: hashingEmbedder(64), catchUpIntervalMs: 0 });
    expect(rag.vectorRanking()).toBeNull();
    expect(rag.keywordOnlyReason()).toMatch(/not ready yet/);
    const state = await rag.startIndexing();
    expect(state).toMatchObject({ status: "ready", report: { embedded: 10 } });
    expect(rag.keywordOnlyReason()).toBeNull();
    expect(rag.searchPath).toMatch(/^(pgvector|exact)$/);

    // Nothing new: the check costs one cheap query and starts no build.
    expect(rag.vectorRanking()).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rag.indexState).toBe(state);

    await insertFeedback(t.db, FEEDBACK.slice(10));
    expect(rag.vectorRanking()).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await rag.startIndexing();
    const counts = await indexCounts(t.db);
    expect(counts.textsIndexed).toBe(counts.textsTotal);
    expect(counts.rowsIndexed).toBe(FEEDBACK.length);
  });

  it("reports a failed model instead of throwing, and answers by keywords", async () => {
    const broken: Embedder = {
      id: "broken",
      dim: 64,
      embed: async () => {
        throw new Error("model file is corrupt");
      },
    };
    const rag = new RagService(t.db, { embedderInstance: broken });
    expect(await rag.startIndexing({ rebuild: true })).toEqual({
      status: "failed",
      message: "model file is corrupt",
    });
    expect(rag.vectorRanking()).toBeNull();
    expect(rag.keywordOnlyReason()).toMatch(/unavailable \(model file is corrupt\)/);
  });
});
