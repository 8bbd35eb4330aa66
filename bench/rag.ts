/**
 * The semantic index's costs: embedding throughput, index build time for 10k and 100k
 * feedback rows, and top-10 retrieval latency (p50/p99) with and without filters, on
 * PGlite (pgvector and exact paths) and PostgreSQL (exact path: no pgvector in CI).
 *
 *   npx tsx bench/rag.ts [--sizes 10000,100000] [--queries 30]
 *
 * Feedback is synthetic (composed from fragments; 30 % distinct texts, as real exports repeat
 * themselves). Index builds use the hashing embedder so they measure the database side; the
 * USE-lite build time is estimated from its measured throughput (distinct texts ÷ texts/s).
 */

import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import { openPostgres } from "../src/core/db/postgres.ts";
import type { Db } from "../src/core/db/types.ts";
import { hashingEmbedder } from "../src/core/rag/embedder/hashing.ts";
import type { Embedder } from "../src/core/rag/embedder/types.ts";
import { loadUseLite } from "../src/core/rag/embedder/use-lite.ts";
import { NO_FILTER } from "../src/core/rag/filter.ts";
import { buildIndex } from "../src/core/rag/index/build.ts";
import type { SearchPath } from "../src/core/rag/index/meta.ts";
import { createVectorSearcher } from "../src/core/rag/index/vector-search.ts";
import { retrieve } from "../src/core/rag/retrieve/retrieve.ts";
import { parseTopic } from "../src/core/rag/retrieve/topic.ts";
import { machineLine, percentile, printTable } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const DISTINCT_SHARE = 0.3;
const AREAS = [
  "Bengaluru",
  "HSR Layout",
  "Chennai",
  "Delhi",
  "Pune",
  "Mumbai",
  "Kolkata",
  "Guwahati",
  "Bhopal",
];
const SUBJECTS = [
  "The order",
  "My delivery",
  "The rider",
  "The milk",
  "The bread",
  "Vegetables",
  "The parcel",
  "Eggs",
];
const PROBLEMS = [
  "came very late",
  "was damaged",
  "was stale",
  "arrived broken",
  "was missing items",
  "was rude",
  "took forever",
  "was leaking",
  "was great",
  "was on time",
];
const DETAILS = [
  "again",
  "today",
  "this week",
  "for the third time",
  "in the rain",
  "at night",
  "",
  "yesterday",
];

function composeTexts(count: number): string[] {
  const texts: string[] = [];
  for (let i = 0; texts.length < count; i++) {
    const s = SUBJECTS[i % SUBJECTS.length];
    const p = PROBLEMS[Math.floor(i / SUBJECTS.length) % PROBLEMS.length];
    const d = DETAILS[Math.floor(i / (SUBJECTS.length * PROBLEMS.length)) % DETAILS.length];
    texts.push(
      `${s} ${p} ${d} #${Math.floor(i / (SUBJECTS.length * PROBLEMS.length * DETAILS.length))}`.trim(),
    );
  }
  return texts;
}

/** Customers, one order per feedback row, and the feedback, all generated in SQL. */
async function loadSynthetic(db: Db, rows: number): Promise<void> {
  const texts = composeTexts(Math.round(rows * DISTINCT_SHARE));
  const customers = Math.max(100, Math.round(rows / 4));
  await db.query(
    `insert into customers (customer_id, customer_name, area)
     select 'C' || i, 'Customer ' || i, ($2::text[])[1 + i % cardinality($2::text[])]
     from generate_series(1, $1::int) i`,
    [customers, AREAS],
  );
  await db.query(
    `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time, order_total)
     select 'O' || i, 'C' || (1 + i % $2::int),
            timestamptz '2026-01-01 10:00+05:30' + (i % 120) * interval '1 day',
            timestamptz '2026-01-01 10:15+05:30' + (i % 120) * interval '1 day',
            timestamptz '2026-01-01 10:10+05:30' + (i % 120) * interval '1 day' + (i % 13) * interval '1 minute',
            200 + i % 700
     from generate_series(1, $1::int) i`,
    [rows, customers],
  );
  await db.query(
    `insert into customer_feedback (feedback_id, order_id, customer_id, rating, feedback_text, feedback_date)
     select 'F' || i, 'O' || i, 'C' || (1 + i % $2::int), 1 + i % 5,
            ($3::text[])[1 + (i * 7919) % cardinality($3::text[])],
            date '2026-01-01' + (i % 120)
     from generate_series(1, $1::int) i`,
    [rows, customers, texts],
  );
}

async function openEngine(
  engine: "pglite" | "postgres",
  size: number,
): Promise<{ db: Db; close(): Promise<void> }> {
  if (engine === "pglite") {
    const db = await openPglite("memory://");
    return { db, close: () => db.close() };
  }
  const schema = `bench_rag_${size}`;
  const admin = await openPostgres(PG_URL, { max: 1 });
  await admin.exec(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  await admin.close();
  const db = await openPostgres(PG_URL, { schema });
  return {
    db,
    async close() {
      await db.close();
      const again = await openPostgres(PG_URL, { max: 1 });
      await again.exec(`drop schema if exists ${schema} cascade`);
      await again.close();
    },
  };
}

async function embeddingThroughput(embedder: Embedder, texts: string[], batch: number): Promise<number> {
  await embedder.embed(texts.slice(0, 8)); // warm-up: first call compiles kernels
  const started = performance.now();
  for (let i = 0; i < texts.length; i += batch) await embedder.embed(texts.slice(i, i + batch));
  return texts.length / ((performance.now() - started) / 1000);
}

async function latencies(db: Db, embedder: Embedder, path: SearchPath, queries: number) {
  const searcher = await createVectorSearcher(db, embedder, path);
  const vectors = { embedder, searcher };
  const topic = parseTopic("rider came very late again");
  const filtered = { zone: "South", areaKeys: null, from: "2026-02-01", to: "2026-02-28", maxRating: 3 };
  const time = async (filter: typeof filtered | typeof NO_FILTER) => {
    const samples: number[] = [];
    await retrieve(db, { filter, topic }, vectors, { k: 10 }); // warm-up and cache load
    for (let i = 0; i < queries; i++) {
      const started = performance.now();
      await retrieve(db, { filter, topic }, vectors, { k: 10 });
      samples.push(performance.now() - started);
    }
    return [percentile(samples, 50), percentile(samples, 99)];
  };
  return { unfiltered: await time(NO_FILTER), filtered: await time(filtered) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sizes = (args.includes("--sizes") ? (args[args.indexOf("--sizes") + 1] ?? "") : "10000,100000")
    .split(",")
    .map(Number);
  const queries = args.includes("--queries") ? Number(args[args.indexOf("--queries") + 1]) : 30;

  const sample = composeTexts(512);
  const use = await loadUseLite();
  const hashing = hashingEmbedder(256);
  const throughput = [
    ["use-lite-512", 64, await embeddingThroughput(use, sample, 64)],
    ["use-lite-512", 256, await embeddingThroughput(use, sample, 256)],
    ["hashing-256", 256, await embeddingThroughput(hashing, sample, 256)],
  ] as const;
  console.log(machineLine());
  console.log("\nEmbedding throughput (512 distinct texts)");
  printTable(
    ["model", "batch", "texts/s"],
    throughput.map(([model, batch, rate]) => [model, batch, rate.toFixed(0)]),
  );
  const useRate = throughput[1][2];

  const buildRows: Array<Array<string | number>> = [];
  const latencyRows: Array<Array<string | number>> = [];
  for (const size of sizes) {
    for (const engine of ["pglite", "postgres"] as const) {
      const { db, close } = await openEngine(engine, size);
      try {
        await migrate(db);
        const step = (what: string) => process.stderr.write(`[${engine} ${size}] ${what}\n`);
        step("loading synthetic feedback");
        let started = performance.now();
        await loadSynthetic(db, size);
        const loadSeconds = (performance.now() - started) / 1000;
        step(`loaded in ${loadSeconds.toFixed(1)} s; building the index`);
        started = performance.now();
        const report = await buildIndex(db, hashing, { batchSize: 256 });
        const buildSeconds = (performance.now() - started) / 1000;
        started = performance.now();
        const again = await buildIndex(db, hashing);
        const rerunSeconds = (performance.now() - started) / 1000;
        buildRows.push([
          engine,
          size,
          report.embedded,
          report.searchPath,
          loadSeconds.toFixed(1),
          buildSeconds.toFixed(1),
          (report.embedded / useRate + buildSeconds).toFixed(0),
          `${rerunSeconds.toFixed(2)} (${again.embedded} new)`,
        ]);
        const paths: SearchPath[] = report.searchPath === "pgvector" ? ["pgvector", "exact"] : ["exact"];
        for (const path of paths) {
          step(`built in ${buildSeconds.toFixed(1)} s; timing ${path} retrieval`);
          const l = await latencies(db, hashing, path, queries);
          latencyRows.push([
            engine,
            size,
            path,
            l.unfiltered[0]?.toFixed(1) ?? "",
            l.unfiltered[1]?.toFixed(1) ?? "",
            l.filtered[0]?.toFixed(1) ?? "",
            l.filtered[1]?.toFixed(1) ?? "",
          ]);
        }
      } finally {
        await close();
      }
    }
  }
  console.log(
    "\nIndex build (hashing embedder; USE-lite estimated as distinct texts ÷ its texts/s + DB time)",
  );
  printTable(
    ["engine", "feedback rows", "distinct texts", "path", "load s", "build s", "≈ USE build s", "re-run s"],
    buildRows,
  );
  console.log(
    `\nHybrid top-10 retrieval latency, ms (${queries} queries; filter: one zone, one month, ratings 1-3)`,
  );
  printTable(
    ["engine", "feedback rows", "vector path", "p50 all", "p99 all", "p50 filtered", "p99 filtered"],
    latencyRows,
  );
}

await main();
