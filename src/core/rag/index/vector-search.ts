import { sqlQuery } from "../../db/sql-files.ts";
import type { Db } from "../../db/types.ts";
import { dot, type Embedder, normalise } from "../embedder/types.ts";
import { type FeedbackFilter, filterParams, isUnfiltered } from "../filter.ts";
import { assertSameModel, type IndexMeta, readIndexMeta, type SearchPath, vectorLiteral } from "./meta.ts";

export interface VectorHit {
  contentHash: string;
  /** Cosine similarity, -1…1. */
  score: number;
}

/**
 * Nearest feedback texts to a query vector among those passing the filter. Both paths
 * return the same top-k (ties broken by content hash); pgvector keeps vectors in the
 * database, the exact path scores them in process from a cache.
 */
export interface VectorSearcher {
  readonly path: SearchPath;
  search(query: Float32Array, filter: FeedbackFilter, k: number): Promise<VectorHit[]>;
}

export async function createVectorSearcher(
  db: Db,
  embedder: Pick<Embedder, "id" | "dim">,
  path?: SearchPath,
): Promise<VectorSearcher> {
  const chosen = path ?? (await readIndexMeta(db)).searchPath;
  return chosen === "pgvector" ? new PgvectorSearcher(db, embedder) : new ExactSearcher(db, embedder);
}

abstract class BaseSearcher implements VectorSearcher {
  abstract readonly path: SearchPath;
  constructor(
    protected readonly db: Db,
    protected readonly embedder: Pick<Embedder, "id" | "dim">,
  ) {}

  async search(query: Float32Array, filter: FeedbackFilter, k: number): Promise<VectorHit[]> {
    const meta = await readIndexMeta(this.db);
    assertSameModel(meta, this.embedder);
    if (meta.modelId === null || k <= 0) return [];
    return this.rank(query, filter, k, meta);
  }

  protected abstract rank(
    query: Float32Array,
    filter: FeedbackFilter,
    k: number,
    meta: IndexMeta,
  ): Promise<VectorHit[]>;
}

class PgvectorSearcher extends BaseSearcher {
  readonly path = "pgvector" as const;

  protected async rank(query: Float32Array, filter: FeedbackFilter, k: number): Promise<VectorHit[]> {
    const literal = vectorLiteral(query);
    if (isUnfiltered(filter)) {
      // Without filters the HNSW index answers; a wider candidate list keeps its recall near exact.
      return this.db.transaction(async (tx) => {
        await tx.exec(`set local hnsw.ef_search = ${Math.max(40, Math.min(1000, k * 4))}`);
        const { rows } = await tx.query<{ content_hash: string; score: number }>(
          sqlQuery("rag_vector_search_hnsw"),
          [literal, this.embedder.id, k],
        );
        return rows.map(toHit);
      });
    }
    const { rows } = await this.db.query<{ content_hash: string; score: number }>(
      sqlQuery("rag_vector_search_pgvector"),
      [...filterParams(filter), literal, this.embedder.id, k],
    );
    return rows.map(toHit);
  }
}

class ExactSearcher extends BaseSearcher {
  readonly path = "exact" as const;
  private cache: { version: string; vectors: Map<string, Float32Array> } | null = null;

  protected async rank(
    query: Float32Array,
    filter: FeedbackFilter,
    k: number,
    meta: IndexMeta,
  ): Promise<VectorHit[]> {
    const vectors = await this.vectors(meta.version ?? "");
    const candidates = isUnfiltered(filter)
      ? [...vectors.keys()]
      : (
          await this.db.query<{ content_hash: string }>(
            sqlQuery("rag_candidate_hashes"),
            filterParams(filter),
          )
        ).rows.map((row) => row.content_hash);
    const hits: VectorHit[] = [];
    for (const contentHash of candidates) {
      const vector = vectors.get(contentHash);
      if (vector) hits.push({ contentHash, score: dot(query, vector) });
    }
    hits.sort((a, b) => b.score - a.score || (a.contentHash < b.contentHash ? -1 : 1));
    return hits.slice(0, k);
  }

  /** All vectors of the model, reloaded only when the index changed since the last load. */
  private async vectors(version: string): Promise<Map<string, Float32Array>> {
    if (this.cache?.version === version) return this.cache.vectors;
    const { rows } = await this.db.query<{ content_hash: string; embedding: number[] }>(
      sqlQuery("rag_all_embeddings"),
      [this.embedder.id],
    );
    const vectors = new Map(rows.map((row) => [row.content_hash, normalise(row.embedding)]));
    this.cache = { version, vectors };
    return vectors;
  }
}

function toHit(row: { content_hash: string; score: number }): VectorHit {
  return { contentHash: row.content_hash, score: Number(row.score) };
}
