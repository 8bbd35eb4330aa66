import { sqlQuery } from "../../db/sql-files.ts";
import type { Db } from "../../db/types.ts";
import type { Embedder } from "../embedder/types.ts";
import { arrayLiteral, assertSameModel, readIndexMeta, type SearchPath } from "./meta.ts";

export interface IndexProgress {
  /** Distinct texts embedded so far in this run, of `total` missing at its start. */
  done: number;
  total: number;
}

export interface IndexOptions {
  /** Drop every vector first (after changing the embedding model). */
  rebuild?: boolean;
  batchSize?: number;
  onProgress?: (progress: IndexProgress) => void;
  signal?: AbortSignal;
}

export interface IndexReport {
  modelId: string;
  searchPath: SearchPath;
  /** Distinct texts embedded in this run (identical texts are embedded once). */
  embedded: number;
  /** Vectors removed because no feedback has their text any more. */
  pruned: number;
}

/**
 * Brings the semantic index up to date: embeds each distinct feedback text that has no
 * vector yet, in batches, committing each batch so an interrupted run resumes where it
 * stopped. Re-running with nothing new changes nothing.
 */
export async function buildIndex(
  db: Db,
  embedder: Embedder,
  options: IndexOptions = {},
): Promise<IndexReport> {
  const batchSize = options.batchSize ?? 64;
  let meta = await readIndexMeta(db);
  if (options.rebuild) {
    await db.transaction(async (tx) => {
      await tx.exec(sqlQuery("rag_index_clear"));
      if (meta.searchPath === "pgvector") await tx.exec(sqlQuery("rag_pgvector_drop_column"));
    });
    meta = { ...meta, modelId: null, dim: null };
  }
  assertSameModel(meta, embedder);
  if (meta.modelId === null) await claimIndex(db, embedder);
  if (meta.searchPath === "pgvector") {
    await db.exec(pgvectorColumnDdl(embedder.dim));
    await db.exec(sqlQuery("rag_pgvector_backfill"));
  }

  const missing = (await db.query<{ content_hash: string; text: string }>(sqlQuery("rag_missing_texts")))
    .rows;
  const progress: IndexProgress = { done: 0, total: missing.length };
  options.onProgress?.({ ...progress });
  for (let start = 0; start < missing.length; start += batchSize) {
    options.signal?.throwIfAborted();
    const batch = missing.slice(start, start + batchSize);
    const vectors = await embedder.embed(batch.map((row) => row.text));
    const hashes = batch.map((row) => row.content_hash);
    await db.transaction(async (tx) => {
      await tx.query(sqlQuery("rag_insert_embeddings"), [embedder.id, hashes, vectors.map(arrayLiteral)]);
      if (meta.searchPath === "pgvector") await tx.query(sqlQuery("rag_pgvector_fill"), [hashes]);
    });
    progress.done += batch.length;
    options.onProgress?.({ ...progress });
  }
  const pruned = (await db.query(sqlQuery("rag_prune_embeddings"))).rowCount;
  if (missing.length > 0 || pruned > 0 || options.rebuild) await claimIndex(db, embedder);
  return { modelId: embedder.id, searchPath: meta.searchPath, embedded: missing.length, pruned };
}

async function claimIndex(db: Db, embedder: Embedder): Promise<void> {
  await db.query(sqlQuery("rag_index_claim"), [embedder.id, embedder.dim]);
}

function pgvectorColumnDdl(dim: number): string {
  if (!Number.isInteger(dim) || dim <= 0 || dim > 16_000)
    throw new Error(`Invalid embedding dimension ${dim}.`);
  return sqlQuery("rag_pgvector_column").replaceAll("{{dim}}", String(dim));
}

export interface IndexCounts {
  rowsTotal: number;
  rowsIndexed: number;
  textsTotal: number;
  textsIndexed: number;
}

export async function indexCounts(db: Db): Promise<IndexCounts> {
  const { rows } = await db.query<{
    rows_total: number;
    rows_indexed: number;
    texts_total: number;
    texts_indexed: number;
  }>(sqlQuery("rag_index_counts"));
  const row = rows[0];
  return {
    rowsTotal: row?.rows_total ?? 0,
    rowsIndexed: row?.rows_indexed ?? 0,
    textsTotal: row?.texts_total ?? 0,
    textsIndexed: row?.texts_indexed ?? 0,
  };
}
