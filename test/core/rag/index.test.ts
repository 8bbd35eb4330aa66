import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import { dot, type Embedder } from "../../../src/core/rag/embedder/types.ts";
import { NO_FILTER } from "../../../src/core/rag/filter.ts";
import { buildIndex, indexCounts } from "../../../src/core/rag/index/build.ts";
import { readIndexMeta, type SearchPath } from "../../../src/core/rag/index/meta.ts";
import { createVectorSearcher } from "../../../src/core/rag/index/vector-search.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { FEEDBACK, insertFeedback } from "./fixtures.ts";

/** Wraps an embedder to record every text it was asked to embed. */
function recording(inner: Embedder): Embedder & { seen: string[] } {
  const seen: string[] = [];
  return {
    id: inner.id,
    dim: inner.dim,
    seen,
    embed(texts) {
      seen.push(...texts);
      return inner.embed(texts);
    },
  };
}

describe.each(ENGINES)("feedback index on %s", (engine) => {
  let t: TestDb;
  const base = hashingEmbedder(64);
  beforeAll(async () => {
    t = await createTestDb(engine);
    await insertFeedback(t.db);
  });
  afterAll(() => t.dispose());

  it("embeds each distinct text once and a second run changes nothing", async () => {
    const embedder = recording(base);
    const progress: number[] = [];
    const first = await buildIndex(t.db, embedder, {
      batchSize: 4,
      onProgress: (p) => progress.push(p.done),
    });
    const distinct = new Set(FEEDBACK.map((row) => row.text)).size;
    expect(first.embedded).toBe(distinct);
    expect(embedder.seen).toHaveLength(distinct);
    expect(progress.at(-1)).toBe(distinct);
    expect(await indexCounts(t.db)).toEqual({
      rowsTotal: FEEDBACK.length,
      rowsIndexed: FEEDBACK.length,
      textsTotal: distinct,
      textsIndexed: distinct,
    });
    const versionBefore = (await readIndexMeta(t.db)).version;
    const second = await buildIndex(t.db, embedder);
    expect(second).toMatchObject({ embedded: 0, pruned: 0 });
    expect(embedder.seen).toHaveLength(distinct);
    expect((await readIndexMeta(t.db)).version).toBe(versionBefore);
  });

  it("re-embeds only an edited text and prunes the vector nobody uses any more", async () => {
    const embedder = recording(base);
    await t.db.query(
      "update customer_feedback set feedback_text = 'Eggs arrived cracked' where feedback_id = 'F08'",
    );
    const report = await buildIndex(t.db, embedder);
    expect(embedder.seen).toEqual(["Eggs arrived cracked"]);
    expect(report).toMatchObject({ embedded: 1, pruned: 1 });
  });

  it("refuses another model until rebuilt, then serves the new one", async () => {
    const other = hashingEmbedder(32);
    await expect(buildIndex(t.db, other)).rejects.toThrow(/hashing-64 \(64-d\).*blinkit rag index --rebuild/);
    const searcher = await createVectorSearcher(t.db, other);
    await expect(searcher.search(new Float32Array(32), NO_FILTER, 5)).rejects.toThrow(/--rebuild/);
    await buildIndex(t.db, other, { rebuild: true });
    expect((await readIndexMeta(t.db)).modelId).toBe("hashing-32");
    const [query] = await other.embed(["late delivery"]);
    expect(await searcher.search(query as Float32Array, NO_FILTER, 3)).toHaveLength(3);
    await buildIndex(t.db, base, { rebuild: true });
  });

  it("uses pgvector exactly when the vector type is available", async () => {
    const { rows } = await t.db.query<{ available: boolean }>(
      "select exists (select 1 from pg_available_extensions where name = 'vector') as available",
    );
    const expected: SearchPath = rows[0]?.available ? "pgvector" : "exact";
    expect((await readIndexMeta(t.db)).searchPath).toBe(expected);
    expect((await createVectorSearcher(t.db, base)).path).toBe(expected);
  });

  it("returns the true cosine top-k on every available path, with and without filters", async () => {
    const available = (await readIndexMeta(t.db)).searchPath;
    const paths: SearchPath[] = available === "pgvector" ? ["pgvector", "exact"] : ["exact"];
    const [query] = await base.embed(["the delivery was late"]);
    if (!query) throw new Error("no query vector");
    const { rows } = await t.db.query<{ feedback_text: string; rating: number; day: string }>(
      "select feedback_text, rating, day::text from rag_feedback",
    );
    const reference = async (keep: (row: (typeof rows)[number]) => boolean) => {
      const texts = [...new Set(rows.filter(keep).map((row) => row.feedback_text))];
      const vectors = await base.embed(texts);
      return texts
        .map((text, i) => ({ text, score: dot(query, vectors[i] as Float32Array) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 5)
        .map((hit) => hit.text);
    };
    const filter = { ...NO_FILTER, maxRating: 3, from: "2024-03-01", to: "2024-03-10" };
    const textOf = new Map(
      (
        await t.db.query<{ content_hash: string; feedback_text: string }>(
          "select distinct content_hash, feedback_text from rag_feedback",
        )
      ).rows.map((row) => [row.content_hash, row.feedback_text]),
    );
    for (const path of paths) {
      const searcher = await createVectorSearcher(t.db, base, path);
      const all = await searcher.search(query, NO_FILTER, 5);
      const filtered = await searcher.search(query, filter, 5);
      expect(all.map((hit) => textOf.get(hit.contentHash))).toEqual(await reference(() => true));
      expect(filtered.map((hit) => textOf.get(hit.contentHash))).toEqual(
        await reference((row) => row.rating <= 3 && row.day >= "2024-03-01" && row.day <= "2024-03-10"),
      );
      expect(all[0]?.score).toBeCloseTo(await topScore(), 4);
    }

    async function topScore(): Promise<number> {
      const [best] = await reference(() => true);
      const [vector] = await base.embed([best ?? ""]);
      return dot(query as Float32Array, vector as Float32Array);
    }
  });

  it("sees a re-index through the exact path's cache", async () => {
    const searcher = await createVectorSearcher(t.db, base, "exact");
    const [query] = await base.embed(["parcel soaked in rain water"]);
    const before = await searcher.search(query as Float32Array, NO_FILTER, 1);
    await t.db.query(
      "update customer_feedback set feedback_text = 'Parcel soaked in rain water' where feedback_id = 'F13'",
    );
    await buildIndex(t.db, base);
    const after = await searcher.search(query as Float32Array, NO_FILTER, 1);
    expect(after[0]?.contentHash).not.toBe(before[0]?.contentHash);
    expect(after[0]?.score).toBeCloseTo(1, 4);
  });
});
