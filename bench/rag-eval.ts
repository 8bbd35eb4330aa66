/**
 * Retrieval quality on generated data: a labelled question set built from the incidents the
 * generator plants (zone or city × period × cause), scored as recall@10 and MRR for
 * vector-only, keyword-only and hybrid ranking.
 *
 *   npx tsx bench/rag-eval.ts                    # USE-lite embeddings (the default model)
 *   npx tsx bench/rag-eval.ts --model hashing    # bag-of-words embedder, for comparison
 *   npx tsx bench/rag-eval.ts --write-questions  # rebuild bench/rag-eval-questions.json
 *   npx tsx bench/rag-eval.ts --db /tmp/rag-eval # keep the generated database there and reuse it
 *   npx tsx bench/rag-eval.ts --seed 11          # held-out data: other incidents, questions built on the fly
 *
 * A question's relevant set: distinct complaint texts (rating ≤ 3) in the incident's place and
 * period that the generator wrote about one of the question's causes — its answer key,
 * feedback_causes.json; a text written for several causes counts when most of its rows were.
 * Recall@10 is |top-10 ∩ relevant| / min(10, |relevant|), since a busy incident has far more
 * than 10. A second table scores against the labels earlier runs used — texts containing a
 * word of the cause (CAUSE_KEYWORDS) — which flatter keyword ranking and miss the texts that
 * say it in other words ("the box came crushed", "nobody got back to me").
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CAUSE_KEYWORDS,
  type Cause,
  FEEDBACK_CAUSES_FILE,
  generateDataset,
  plantedIncidents,
} from "../src/core/data/generate/index.ts";
import { importDirectory } from "../src/core/data/import/import.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import type { Db } from "../src/core/db/types.ts";
import { loadEmbedder } from "../src/core/rag/embedder/load.ts";
import { buildIndex } from "../src/core/rag/index/build.ts";
import { createVectorSearcher } from "../src/core/rag/index/vector-search.ts";
import { loadAreaIndex } from "../src/core/rag/retrieve/places.ts";
import { parseQuestion } from "../src/core/rag/retrieve/question.ts";
import { type RankingMode, retrieve, type VectorRanking } from "../src/core/rag/retrieve/retrieve.ts";
import { machineLine, printTable } from "./machine.ts";

const QUESTIONS_FILE = join(dirname(fileURLToPath(import.meta.url)), "rag-eval-questions.json");
/** The sample's seed and period (so the incidents match data/sample), with more orders. */
const EVAL_OPTIONS = { seed: 7, orders: 20_000, days: 120, endDate: "2026-11-20" };
const K = 10;

interface EvalQuestion {
  id: string;
  incident: string;
  question: string;
  causes: Cause[];
  zone: string | null;
  areas: string[];
  from: string;
  to: string;
  /** "keyword": names the cause in its own words; "paraphrase": avoids them; "open": no topic. */
  style: "keyword" | "paraphrase" | "open";
}

const CAUSE_PHRASES: Record<Cause, [keyword: string, paraphrase: string]> = {
  late_delivery: ["late deliveries", "orders taking too long to arrive"],
  damaged_packaging: ["damaged packaging", "items arriving in bad condition"],
  rude_partner: ["rude delivery partners", "bad behaviour by the people bringing orders"],
  wrong_items: ["wrong items", "receiving products they did not order"],
  missing_items: ["missing items", "things not in the bag"],
  stale_products: ["stale products", "food that was not fresh"],
  refund_not_processed: ["refunds", "money not returned after cancellations"],
  payment_failure: ["payment failures", "money debited for orders that failed"],
  high_prices: ["high prices", "things costing too much"],
  poor_support: ["customer support", "nobody answering their complaints"],
};

function buildQuestions(options: typeof EVAL_OPTIONS): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  for (const incident of plantedIncidents(options)) {
    if (incident.kind !== "complaints") continue;
    const place = incident.scope === "zone" ? `the ${incident.zone} zone` : (incident.areas[0] ?? "");
    const period =
      wholeMonth(incident.start, incident.end) ?? `between ${incident.start} and ${incident.end}`;
    const base = {
      incident: incident.id,
      zone: incident.scope === "zone" ? incident.zone : null,
      areas: incident.scope === "city" ? incident.areas : [],
      from: incident.start,
      to: incident.end,
    };
    for (const cause of incident.causes) {
      const [keyword, paraphrase] = CAUSE_PHRASES[cause];
      questions.push({
        ...base,
        id: `${incident.id}/${cause}/keyword`,
        causes: [cause],
        style: "keyword",
        question: `Why are customers complaining about ${keyword} in ${place} ${period}?`,
      });
      questions.push({
        ...base,
        id: `${incident.id}/${cause}/paraphrase`,
        causes: [cause],
        style: "paraphrase",
        question: `Are customers upset about ${paraphrase} in ${place} ${period}?`,
      });
    }
    questions.push({
      ...base,
      id: `${incident.id}/open`,
      causes: incident.causes,
      style: "open",
      question: `Why were customers unhappy in ${place} ${period}?`,
    });
  }
  return questions;
}

/** "in September 2026" when the range is exactly one calendar month. */
function wholeMonth(from: string, to: string): string | null {
  const start = new Date(`${from}T00:00:00Z`);
  const dayAfter = new Date(`${to}T00:00:00Z`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  if (
    start.getUTCDate() !== 1 ||
    dayAfter.getUTCDate() !== 1 ||
    dayAfter.getUTCMonth() !== (start.getUTCMonth() + 1) % 12
  ) {
    return null;
  }
  return `in ${start.toLocaleString("en-GB", { month: "long", timeZone: "UTC" })} ${start.getUTCFullYear()}`;
}

type Labels = "answer key" | "cause words";
const LABELS: readonly Labels[] = ["answer key", "cause words"];

/** feedback_id → the cause the generator wrote it about (complaints only). */
async function readAnswerKey(dir: string): Promise<Map<string, Cause>> {
  const key = JSON.parse(await readFile(join(dir, FEEDBACK_CAUSES_FILE), "utf8")) as Record<Cause, number[]>;
  const byId = new Map<string, Cause>();
  for (const [cause, ids] of Object.entries(key) as [Cause, number[]][])
    for (const id of ids) byId.set(String(id), cause);
  return byId;
}

/** Hashes of the texts that answer the question, under each way of labelling. */
async function relevantHashes(
  db: Db,
  q: EvalQuestion,
  answerKey: ReadonlyMap<string, Cause>,
): Promise<Record<Labels, Set<string>>> {
  const areaKeys = q.areas.length > 0 ? q.areas.map((a) => a.toLowerCase()) : null;
  const { rows } = await db.query<{ content_hash: string; feedback_id: string; feedback_text: string }>(
    "select content_hash, feedback_id, feedback_text from rag_filtered_feedback($1, $2, $3, $4, 3)",
    [q.zone, areaKeys, q.from, q.to],
  );
  const causes = new Set(q.causes);
  const words = q.causes.flatMap((cause) => CAUSE_KEYWORDS[cause].map((word) => word.toLowerCase()));
  const votes = new Map<string, { about: number; rows: number }>();
  const byWords = new Set<string>();
  for (const row of rows) {
    const vote = votes.get(row.content_hash) ?? { about: 0, rows: 0 };
    const cause = answerKey.get(row.feedback_id);
    vote.rows += 1;
    if (cause && causes.has(cause)) vote.about += 1;
    votes.set(row.content_hash, vote);
    const text = row.feedback_text.toLowerCase();
    if (words.some((word) => text.includes(word))) byWords.add(row.content_hash);
  }
  const byKey = new Set([...votes].filter(([, v]) => v.about * 2 > v.rows).map(([hash]) => hash));
  return { "answer key": byKey, "cause words": byWords };
}

interface Score {
  recall: number;
  reciprocalRank: number;
}

async function score(
  db: Db,
  q: EvalQuestion,
  mode: RankingMode,
  vectors: VectorRanking,
  today: string,
  answerKey: ReadonlyMap<string, Cause>,
): Promise<Record<Labels, Score & { relevant: number }>> {
  const parsed = parseQuestion(q.question, { areas: await loadAreaIndex(db), today });
  if (!parsed.ok) throw new Error(`${q.id}: unknown ${parsed.kind} ${parsed.name}`);
  const p = parsed.parsed;
  if (p.filter.from !== q.from || p.filter.to !== q.to || p.filter.zone !== q.zone) {
    throw new Error(`${q.id}: parsed ${JSON.stringify(p.filter)}, expected ${q.zone} ${q.from}..${q.to}`);
  }
  const result = await retrieve(db, p, vectors, { k: K, mode });
  const ranked = result.items.map((item) => item.contentHash);
  const relevant = await relevantHashes(db, q, answerKey);
  const scoreAgainst = (set: Set<string>) => {
    const hits = ranked.filter((hash) => set.has(hash)).length;
    const first = ranked.findIndex((hash) => set.has(hash));
    return {
      recall: set.size === 0 ? 1 : hits / Math.min(K, set.size),
      reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
      relevant: set.size,
    };
  };
  return {
    "answer key": scoreAgainst(relevant["answer key"]),
    "cause words": scoreAgainst(relevant["cause words"]),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--write-questions")) {
    const questions = buildQuestions(EVAL_OPTIONS);
    await writeFile(QUESTIONS_FILE, `${JSON.stringify(questions, null, 2)}\n`);
    console.log(`wrote ${questions.length} questions to ${QUESTIONS_FILE}`);
    return;
  }
  const model =
    args[args.indexOf("--model") + 1] && args.includes("--model")
      ? args[args.indexOf("--model") + 1]
      : undefined;
  // Another seed plants other incidents: a check that the ranking was not fitted to seed 7's.
  const seed = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : EVAL_OPTIONS.seed;
  const options = { ...EVAL_OPTIONS, seed };
  const questions =
    seed === EVAL_OPTIONS.seed
      ? (JSON.parse(await readFile(QUESTIONS_FILE, "utf8")) as EvalQuestion[])
      : buildQuestions(options);
  const dbDir = args.includes("--db") ? args[args.indexOf("--db") + 1] : undefined;
  const dir = await mkdtemp(join(tmpdir(), "blinkit-rag-eval-"));
  const db = await openPglite(dbDir ?? "memory://");
  try {
    let started = performance.now();
    await migrate(db);
    // Always generated (2-3 s): the answer key comes with the files, even when --db reuses the data.
    await generateDataset(options, dir);
    const answerKey = await readAnswerKey(dir);
    const loaded = await db.query<{ n: number }>("select count(*) as n from orders");
    if ((loaded.rows[0]?.n ?? 0) === 0) await importDirectory(db, dir, { timeZone: "Asia/Kolkata" });
    const loadSeconds = (performance.now() - started) / 1000;
    const { embedder } = await loadEmbedder({ model });
    started = performance.now();
    const meta = await db.query<{ model_id: string | null }>("select model_id from rag_index_meta");
    const report = await buildIndex(db, embedder, {
      batchSize: 128,
      rebuild: (meta.rows[0]?.model_id ?? embedder.id) !== embedder.id,
    });
    const indexSeconds = (performance.now() - started) / 1000;
    const vectors: VectorRanking = { embedder, searcher: await createVectorSearcher(db, embedder) };
    const today = "2026-11-21";
    const modes: RankingMode[] = ["vector", "keyword", "hybrid"];
    const styles = ["keyword", "paraphrase", "open"] as const;
    const totals = new Map<string, Score[]>();
    const worst: string[] = [];
    for (const q of questions) {
      for (const mode of modes) {
        const scores = await score(db, q, mode, vectors, today, answerKey);
        for (const labels of LABELS) {
          for (const key of [`${labels}/${mode}/all`, `${labels}/${mode}/${q.style}`])
            totals.set(key, [...(totals.get(key) ?? []), scores[labels]]);
        }
        const s = scores["answer key"];
        if (mode === "hybrid" && s.recall < 0.7)
          worst.push(`${q.id}: recall ${s.recall.toFixed(2)} (${s.relevant} relevant)`);
      }
    }
    console.log(machineLine());
    console.log(
      `data: ${options.orders} generated orders (seed ${options.seed}), loaded in ${loadSeconds.toFixed(1)} s; ` +
        `model ${embedder.id}: ${report.embedded} distinct texts embedded in ${indexSeconds.toFixed(1)} s ` +
        `(${(report.embedded / indexSeconds).toFixed(0)} texts/s), search path ${report.searchPath}`,
    );
    console.log(
      `${questions.length} questions (${styles.map((s) => `${questions.filter((q) => q.style === s).length} ${s}`).join(", ")}), k = ${K}\n`,
    );
    const mean = (scores: Score[] | undefined, pick: (s: Score) => number) =>
      scores && scores.length > 0
        ? (scores.reduce((sum, s) => sum + pick(s), 0) / scores.length).toFixed(3)
        : "-";
    for (const labels of LABELS) {
      console.log(
        `relevant = ${labels === "answer key" ? "texts written about the cause (feedback_causes.json)" : "texts containing a word of the cause (earlier runs)"}`,
      );
      printTable(
        ["ranking", "recall@10", "MRR", ...styles.map((s) => `recall@10 ${s}`)],
        modes.map((mode) => [
          mode,
          mean(totals.get(`${labels}/${mode}/all`), (s) => s.recall),
          mean(totals.get(`${labels}/${mode}/all`), (s) => s.reciprocalRank),
          ...styles.map((style) => mean(totals.get(`${labels}/${mode}/${style}`), (s) => s.recall)),
        ]),
      );
      console.log("");
    }
    if (worst.length > 0) console.log(`hybrid below 0.7 (answer key):\n  ${worst.join("\n  ")}`);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
