import { sqlQuery } from "../db/sql-files.ts";
import type { Db } from "../db/types.ts";
import { type EmbedderSettings, loadEmbedder } from "./embedder/load.ts";
import type { Embedder } from "./embedder/types.ts";
import { buildIndex, type IndexProgress, type IndexReport } from "./index/build.ts";
import { readIndexMeta, type SearchPath } from "./index/meta.ts";
import { createVectorSearcher, type VectorSearcher } from "./index/vector-search.ts";
import { type AreaIndex, loadAreaIndex } from "./retrieve/places.ts";
import type { VectorRanking } from "./retrieve/retrieve.ts";

const CATCH_UP_INTERVAL_MS = 60_000;

export type IndexState =
  | { status: "idle" }
  | { status: "building"; progress: IndexProgress }
  | { status: "ready"; report: IndexReport }
  | { status: "failed"; message: string };

export interface RagServiceOptions {
  embedder?: EmbedderSettings;
  /** A ready embedder (tests, benchmarks); skips loading by settings. */
  embedderInstance?: Embedder;
  onProgress?: (progress: IndexProgress) => void;
  /** How often questions may trigger a check for new feedback to embed (default one minute). */
  catchUpIntervalMs?: number;
  /** How long the known-area list is reused before it is read again. */
  areaCacheMs?: number;
}

/**
 * The long-lived part of feedback answers, kept in `ctx.services.rag`: the embedding model,
 * the vector searcher (and its cache), the background index build and its progress.
 * Questions are answered while the index builds — by keywords, with a warning.
 */
export class RagService {
  private state: IndexState = { status: "idle" };
  private embedder: Embedder | null = null;
  private searcher: VectorSearcher | null = null;
  private building: Promise<IndexState> | null = null;
  private areas: { loadedAt: number; index: AreaIndex } | null = null;
  private lastCatchUp = Date.now();
  /** Feedback fingerprint at the last successful build; a catch-up skips when it is unchanged. */
  private builtFingerprint: string | null = null;
  readonly warnings: string[] = [];

  constructor(
    readonly db: Db,
    private readonly options: RagServiceOptions = {},
  ) {}

  get indexState(): IndexState {
    return this.state;
  }

  get searchPath(): SearchPath | null {
    return this.searcher?.path ?? null;
  }

  /** Loads the model and brings the index up to date in the background; safe to call again. */
  startIndexing(options: { rebuild?: boolean } = {}): Promise<IndexState> {
    this.building ??= this.runBuild(options.rebuild ?? false).finally(() => {
      this.building = null;
    });
    return this.building;
  }

  /**
   * Vector ranking once a first build has finished, else null ("use keywords"). Texts added
   * since (an import) are caught up in the background at most once a minute; until then the
   * keyword list still finds them.
   */
  vectorRanking(): VectorRanking | null {
    if (!this.embedder || !this.searcher) return null;
    const now = Date.now();
    if (now - this.lastCatchUp >= (this.options.catchUpIntervalMs ?? CATCH_UP_INTERVAL_MS)) {
      this.lastCatchUp = now;
      // A failed check is retried with the next question; the answer itself never waits for it.
      void this.catchUp().catch(() => undefined);
    }
    return { embedder: this.embedder, searcher: this.searcher };
  }

  /** Why an answer could not use semantic search, for its warnings; null when it could. */
  keywordOnlyReason(): string | null {
    if (this.searcher) return null;
    switch (this.state.status) {
      case "building": {
        const { done, total } = this.state.progress;
        return `The semantic index is still building (${done} of ${total} distinct texts embedded), so this answer uses keyword search only.`;
      }
      case "failed":
        return `Semantic search is unavailable (${this.state.message}), so this answer uses keyword search only.`;
      default:
        return "The semantic index is not ready yet, so this answer uses keyword search only.";
    }
  }

  async areaIndex(): Promise<AreaIndex> {
    const maxAge = this.options.areaCacheMs ?? 5 * 60_000;
    if (!this.areas || Date.now() - this.areas.loadedAt > maxAge) {
      this.areas = { loadedAt: Date.now(), index: await loadAreaIndex(this.db) };
    }
    return this.areas.index;
  }

  private async catchUp(): Promise<void> {
    if ((await this.fingerprint()) !== this.builtFingerprint) await this.startIndexing();
  }

  private async fingerprint(): Promise<string> {
    const { rows } = await this.db.query<{ fingerprint: string }>(sqlQuery("rag_feedback_fingerprint"));
    return rows[0]?.fingerprint ?? "";
  }

  private async runBuild(rebuild: boolean): Promise<IndexState> {
    try {
      if (!this.embedder) {
        if (this.options.embedderInstance) {
          this.embedder = this.options.embedderInstance;
        } else {
          const loaded = await loadEmbedder(this.options.embedder);
          this.embedder = loaded.embedder;
          this.warnings.push(...loaded.warnings);
        }
      }
      const embedder = this.embedder;
      const fingerprint = await this.fingerprint();
      this.state = { status: "building", progress: { done: 0, total: 0 } };
      const report = await buildIndex(this.db, embedder, {
        rebuild,
        onProgress: (progress) => {
          this.state = { status: "building", progress };
          this.options.onProgress?.(progress);
        },
      });
      this.searcher ??= await createVectorSearcher(
        this.db,
        embedder,
        (await readIndexMeta(this.db)).searchPath,
      );
      this.state = { status: "ready", report };
      this.builtFingerprint = fingerprint;
    } catch (error) {
      this.state = { status: "failed", message: error instanceof Error ? error.message : String(error) };
    }
    return this.state;
  }
}

/**
 * The RAG service kept in `ctx.services.rag`. The app normally creates it at start with the
 * embedding settings; when it did not, the default model is used and indexing starts now.
 */
export function ragServiceOf(ctx: { db: Db; services: Record<string, unknown> }): RagService {
  const existing = ctx.services.rag;
  if (existing instanceof RagService) return existing;
  const service = new RagService(ctx.db);
  ctx.services.rag = service;
  void service.startIndexing();
  return service;
}
