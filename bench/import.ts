/**
 * Import throughput: the generated 50k-order set (all eight files) into PGlite and PostgreSQL,
 * first load and an idempotent re-import, in rows per second.
 *   npx tsx bench/import.ts [--orders 50000] [--batch 5000]
 * PostgreSQL: BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test, in a scratch schema.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateDataset } from "../src/core/data/generate/index.ts";
import { importDirectory } from "../src/core/data/import/index.ts";
import type { ImportSummary } from "../src/core/data/import/summary.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import { openPostgres } from "../src/core/db/postgres.ts";
import type { Db } from "../src/core/db/types.ts";
import { machineLine, printTable } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SCHEMA = "bench_import";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function dataset(orders: number): Promise<string> {
  const dir = join("bench", "out", `import-data-${orders}`);
  if (!existsSync(join(dir, "blinkit_orders.csv"))) {
    await generateDataset({ orders, days: 400, seed: 42, endDate: "2026-11-20" }, dir);
  }
  return dir;
}

async function open(engine: "pglite" | "postgres"): Promise<Db> {
  if (engine === "pglite") return openPglite("memory://");
  const admin = await openPostgres(PG_URL, { max: 1 });
  await admin.exec(`drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}`);
  await admin.close();
  return openPostgres(PG_URL, { schema: SCHEMA, max: 2 });
}

async function dropScratch(): Promise<void> {
  const admin = await openPostgres(PG_URL, { max: 1 });
  await admin.exec(`drop schema if exists ${SCHEMA} cascade`);
  await admin.close();
}

const totalRows = (s: ImportSummary) => s.files.reduce((n, f) => n + f.rowsRead, 0);
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en-IN");

async function main(): Promise<void> {
  const orders = arg("--orders", 50_000);
  const batchSize = arg("--batch", 5000);
  const dir = await dataset(orders);
  console.log(machineLine());
  console.log(`dataset: ${dir} (${orders.toLocaleString("en-IN")} orders), batch ${batchSize} rows\n`);

  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const rows: Array<Array<string | number>> = [];
  const perFile: Array<Array<string | number>> = [];
  for (const engine of ["pglite", "postgres"] as const) {
    const db = await open(engine);
    try {
      await migrate(db);
      for (const pass of ["first load", "re-import"]) {
        const summary = await importDirectory(db, dir, { batchSize });
        const n = totalRows(summary);
        const changed = summary.files.reduce((c, f) => c + f.rowsChanged, 0);
        rows.push([
          engine,
          pass,
          n,
          changed,
          (summary.durationMs / 1000).toFixed(1),
          rate(n, summary.durationMs),
          Math.round(peakRss / 2 ** 20),
        ]);
        if (pass === "first load") {
          for (const f of summary.files) {
            perFile.push([
              engine,
              f.file ?? f.table,
              f.rowsRead,
              (f.durationMs / 1000).toFixed(2),
              rate(f.rowsRead, f.durationMs),
            ]);
          }
        }
      }
    } finally {
      await db.close();
      if (engine === "postgres") await dropScratch();
    }
  }
  clearInterval(sampler);
  // Peak RSS of this process so far (PGlite runs inside it; PostgreSQL's memory is the server's).
  printTable(["engine", "pass", "rows", "changed", "seconds", "rows/s", "peak RSS MB"], rows);
  console.log("");
  printTable(["engine", "file (first load)", "rows", "seconds", "rows/s"], perFile);
}

await main();
