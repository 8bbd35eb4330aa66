import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";
import { OTHER_THEME, type Theme, themeOf } from "../answer/themes.ts";
import type { Embedder } from "../embedder/types.ts";
import { type FeedbackFilter, filterParams, previousPeriodFilter } from "../filter.ts";
import type { VectorSearcher } from "../index/vector-search.ts";
import { representativeSample } from "./representative.ts";
import type { Topic } from "./topic.ts";

/** One distinct feedback text among the filtered feedback, with its latest occurrence to cite. */
export interface RetrievedFeedback {
  contentHash: string;
  /** feedback_id of the latest occurrence. */
  id: string;
  text: string;
  date: string | null;
  area: string | null;
  zone: string | null;
  rating: number | null;
  category: string | null;
  /** Feedback rows with this text that pass the filter, and distinct customers who wrote it. */
  occurrences: number;
  customers: number;
}

export type RankingMode = "hybrid" | "vector" | "keyword";

export interface Retrieval {
  items: RetrievedFeedback[];
  /** The ranking actually used: "keyword" when no vectors were available. */
  mode: RankingMode;
  /** Everything that passed the filters, whatever its rank. */
  matching: { feedback: number; texts: number; customers: number };
  /**
   * For a topic that names a complaint theme ("refunds"): whether any retrieved text is about
   * it. False means the items are only the nearest other complaints. Null when the question
   * names no theme (no topic, or words the themes don't know).
   */
  topicFound: boolean | null;
}

export interface RetrieveOptions {
  /** Texts returned (default 20: what the LLM sees). */
  k?: number;
  mode?: RankingMode;
  /** Length of each ranked list before fusion. */
  depth?: number;
}

export interface VectorRanking {
  embedder: Embedder;
  searcher: VectorSearcher;
}

/** Reciprocal-rank fusion constant: damps the head of each list so neither dominates. */
const RRF_K = 60;
/** Weight of the keyword list when no question word is a known complaint word. */
const UNRECOGNISED_KEYWORD_WEIGHT = 0.1;
/** How many of the best vector hits are read for a paraphrased topic, and how many must agree. */
const FEEDBACK_DEPTH = 10;
const FEEDBACK_MIN_VOTES = 4;

/**
 * SQL filters first, then ranking: vector cosine and full-text (or, for a question with no
 * topic, frequency), merged by reciprocal-rank fusion. Without `vectors` (index still
 * building) it ranks by keywords alone and says so in `mode`.
 */
export async function retrieve(
  db: Queryable,
  query: { filter: FeedbackFilter; topic: Topic },
  vectors: VectorRanking | null,
  options: RetrieveOptions = {},
): Promise<Retrieval> {
  const k = options.k ?? 20;
  const depth = Math.max(options.depth ?? 50, k);
  const wanted = vectors ? (options.mode ?? "hybrid") : "keyword";
  const useVectors = wanted !== "keyword" && vectors !== null && query.topic.terms.length > 0;
  const mode: RankingMode = useVectors ? wanted : "keyword";
  const lists: RankedList[] = [];
  let topic = query.topic;
  if (useVectors && vectors) {
    const [queryVector] = await vectors.embedder.embed([topic.text]);
    if (queryVector) {
      const hits = await vectors.searcher.search(queryVector, query.filter, depth);
      lists.push({ hashes: hits.map((hit) => hit.contentHash), weight: 1 });
      if (mode === "hybrid" && !topic.recognised) {
        const head = await describe(
          db,
          query.filter,
          hits.slice(0, FEEDBACK_DEPTH).map((hit) => hit.contentHash),
        );
        topic = withFeedbackTheme(topic, head);
      }
    }
  }
  if (mode !== "vector") {
    // Paraphrased topics ("items arriving in bad condition") match the wrong texts by their
    // words; unless the vector hits named a theme, let the vector ranking lead.
    const weight = topic.terms.length > 0 && !topic.recognised ? UNRECOGNISED_KEYWORD_WEIGHT : 1;
    lists.push({ hashes: await keywordRanking(db, { filter: query.filter, topic }, depth), weight });
  }
  const ranked = fuse(lists).slice(0, k);
  const [items, matching] = await Promise.all([
    describe(db, query.filter, ranked),
    countMatching(db, query.filter),
  ]);
  return { items, mode, matching, topicFound: topicFound(query.topic, items) };
}

/**
 * Whether any retrieved text is about the complaint theme the question names. Both rankings put
 * such texts first, so none in the top k means the period has none: what was retrieved is only
 * the nearest other complaints.
 */
function topicFound(topic: Topic, items: readonly RetrievedFeedback[]): boolean | null {
  const asked = askedTheme(topic);
  return asked ? items.some((item) => isAbout(item, asked)) : null;
}

/** The complaint theme a question's topic names ("rude riders" → staff), if it names one. */
export function askedTheme(topic: Topic): Theme | null {
  const theme = themeOf(topic.text, null);
  return topic.terms.length === 0 || theme.id === OTHER_THEME.id ? null : theme;
}

export function isAbout(item: Pick<RetrievedFeedback, "text">, theme: Theme): boolean {
  return themeOf(item.text, null).id === theme.id;
}

/**
 * Pseudo-relevance feedback for a paraphrased topic: when most of the best vector hits share a
 * complaint theme, search for that theme's words instead of the question's.
 */
export function withFeedbackTheme(topic: Topic, head: readonly RetrievedFeedback[]): Topic {
  const votes = new Map<string, { theme: Theme; count: number }>();
  for (const item of head) {
    const theme = themeOf(item.text, null);
    if (theme.id === OTHER_THEME.id) continue;
    votes.set(theme.id, { theme, count: (votes.get(theme.id)?.count ?? 0) + 1 });
  }
  const [best] = [...votes.values()].sort((a, b) => b.count - a.count);
  if (!best || best.count < FEEDBACK_MIN_VOTES) return topic;
  return { ...topic, keywordQuery: best.theme.searchWords, recognised: true };
}

/**
 * Full-text rank when the question has a topic; otherwise a sample of the complaint themes,
 * weighted towards what rose against the previous period.
 */
async function keywordRanking(db: Queryable, query: { filter: FeedbackFilter; topic: Topic }, depth: number) {
  const params = filterParams(query.filter);
  if (!query.topic.keywordQuery) {
    const previous = previousPeriodFilter(query.filter);
    const [current, before] = await Promise.all([
      db.query<FeedbackGroupRow>(sqlQuery("rag_feedback_groups"), [...params, null]),
      previous
        ? db.query<FeedbackGroupRow>(sqlQuery("rag_feedback_groups"), [...filterParams(previous), null])
        : null,
    ]);
    const sample = representativeSample(
      current.rows.map(toRetrievedFeedback),
      depth,
      before?.rows.map(toRetrievedFeedback) ?? [],
    );
    return sample.map((item) => item.contentHash);
  }
  const { rows } = await db.query<{ content_hash: string }>(sqlQuery("rag_keyword_search"), [
    ...params,
    query.topic.keywordQuery,
    depth,
  ]);
  return rows.map((row) => row.content_hash);
}

export interface RankedList {
  hashes: string[];
  weight: number;
}

/** Weighted reciprocal-rank fusion of ranked lists; ties keep a stable order by hash. */
export function fuse(lists: readonly RankedList[]): string[] {
  const scores = new Map<string, number>();
  for (const { hashes, weight } of lists) {
    hashes.forEach((hash, rank) => {
      scores.set(hash, (scores.get(hash) ?? 0) + weight / (RRF_K + rank + 1));
    });
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([hash]) => hash);
}

/** A row of rag_feedback_groups / rag_complaint_texts: one distinct text with its counts. */
export type FeedbackGroupRow = {
  content_hash: string;
  feedback_id: string;
  feedback_text: string;
  day: string | null;
  area: string | null;
  zone: string | null;
  rating: number | null;
  feedback_category: string | null;
  occurrences: number;
  customers: number;
};

export function toRetrievedFeedback(row: FeedbackGroupRow): RetrievedFeedback {
  return {
    contentHash: row.content_hash,
    id: row.feedback_id,
    text: row.feedback_text.trim(),
    date: row.day,
    area: row.area,
    zone: row.zone,
    rating: row.rating,
    category: row.feedback_category,
    occurrences: row.occurrences,
    customers: row.customers,
  };
}

async function describe(
  db: Queryable,
  filter: FeedbackFilter,
  hashes: string[],
): Promise<RetrievedFeedback[]> {
  if (hashes.length === 0) return [];
  const { rows } = await db.query<FeedbackGroupRow>(sqlQuery("rag_feedback_groups"), [
    ...filterParams(filter),
    hashes,
  ]);
  const byHash = new Map(rows.map((row) => [row.content_hash, row]));
  return hashes.flatMap((hash) => {
    const row = byHash.get(hash);
    return row ? [toRetrievedFeedback(row)] : [];
  });
}

async function countMatching(db: Queryable, filter: FeedbackFilter): Promise<Retrieval["matching"]> {
  const { rows } = await db.query<{ feedback: number; texts: number; customers: number }>(
    sqlQuery("rag_filtered_count"),
    filterParams(filter),
  );
  return rows[0] ?? { feedback: 0, texts: 0, customers: 0 };
}
