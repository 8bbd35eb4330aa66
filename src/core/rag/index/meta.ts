import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";

export type SearchPath = "pgvector" | "exact";

export interface IndexMeta {
  /** Model and dimension the stored vectors were made with; null before the first build. */
  modelId: string | null;
  dim: number | null;
  /** Changes on every index write; vector caches compare it to know they are stale. */
  version: string | null;
  /** pgvector when the `vector` type is usable from this schema, otherwise in-process cosine. */
  searchPath: SearchPath;
}

export async function readIndexMeta(db: Queryable): Promise<IndexMeta> {
  const { rows } = await db.query<{
    model_id: string | null;
    dim: number | null;
    version: string | null;
    has_pgvector: boolean;
  }>(sqlQuery("rag_index_meta"));
  const row = rows[0];
  return {
    modelId: row?.model_id ?? null,
    dim: row?.dim ?? null,
    version: row?.version ?? null,
    searchPath: row?.has_pgvector ? "pgvector" : "exact",
  };
}

/** Refuses to mix vectors of two models: their similarities mean nothing to each other. */
export class IndexModelMismatchError extends Error {
  override readonly name = "IndexModelMismatchError";
  constructor(indexed: { modelId: string; dim: number }, current: { id: string; dim: number }) {
    super(
      `The feedback index was built with the embedding model ${indexed.modelId} (${indexed.dim}-d), ` +
        `but the bot now uses ${current.id} (${current.dim}-d). ` +
        "Re-index with `blinkit rag index --rebuild`.",
    );
  }
}

export function assertSameModel(meta: IndexMeta, embedder: { id: string; dim: number }): void {
  if (
    meta.modelId !== null &&
    meta.dim !== null &&
    (meta.modelId !== embedder.id || meta.dim !== embedder.dim)
  ) {
    throw new IndexModelMismatchError({ modelId: meta.modelId, dim: meta.dim }, embedder);
  }
}

/** pgvector and Postgres array literals of a vector; full float32 precision survives the round trip. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(",")}]`;
}

export function arrayLiteral(vector: Float32Array): string {
  return `{${Array.from(vector).join(",")}}`;
}
