/**
 * kpiSummary latency for 7/30/365 days at 50k and 1M orders, on PGlite and on PostgreSQL,
 * reading the plain view vs the daily rollup; plus import time and PGlite's peak memory.
 *   npx tsx bench/kpis.ts [--sizes 50000,1000000] [--runs 15]
 * Each (engine, size) runs in its own child process so peak RSS is its own.
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generateDataset } from "../src/core/data/generate/index.ts";
import { loadDataDirectory } from "../src/core/data/load.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPglite } from "../src/core/db/pglite.ts";
import { openPostgres } from "../src/core/db/postgres.ts";
import type { Db } from "../src/core/db/types.ts";
import { kpiSummary } from "../src/core/kpis/kpis.ts";
import { machineLine, percentile, printTable } from "./machine.ts";

const OUT = "bench/out";
const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const END_DATE = "2026-11-20";

interface ChildResult {
  engine: string;
  orders: number;
  importSeconds: number;
  peakRssMb: number;
  timings: Array<{ days: number; source: "view" | "rollup"; p50: number; p99: number }>;
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

async function dataset(orders: number): Promise<string> {
  const dir = join(OUT, `data-${orders}`);
  if (!existsSync(join(dir, "blinkit_orders.csv"))) {
    await generateDataset({ orders, days: 400, seed: 42, endDate: END_DATE }, dir);
  }
  return dir;
}

async function child(engine: "pglite" | "postgres", orders: number, runs: number): Promise<ChildResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const dir = await dataset(orders);
  let db: Db;
  const schema = `bench_kpis_${orders}`;
  if (engine === "pglite") {
    db = await openPglite("memory://");
  } else {
    const admin = await openPostgres(PG_URL, { max: 1 });
    await admin.exec(`drop schema if exists ${schema} cascade; create schema ${schema}`);
    await admin.close();
    db = await openPostgres(PG_URL, { schema });
  }
  await migrate(db);
  const started = performance.now();
  await loadDataDirectory(db, dir, { timeZone: "Asia/Kolkata" });
  const importSeconds = (performance.now() - started) / 1000;
  const timings: ChildResult["timings"] = [];
  for (const days of [7, 30, 365]) {
    for (const source of ["view", "rollup"] as const) {
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await kpiSummary(db, { kind: "last", days }, { source });
        samples.push(performance.now() - t0);
      }
      timings.push({ days, source, p50: percentile(samples, 50), p99: percentile(samples, 99) });
    }
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.close();
  if (engine === "postgres") {
    const admin = await openPostgres(PG_URL, { max: 1 });
    await admin.exec(`drop schema if exists ${schema} cascade`);
    await admin.close();
  }
  return { engine, orders, importSeconds, peakRssMb: peak / 2 ** 20, timings };
}

async function parent(): Promise<void> {
  const sizes = arg("--sizes", "50000,1000000").split(",").map(Number);
  const runs = arg("--runs", "15");
  const results: ChildResult[] = [];
  for (const orders of sizes) {
    await dataset(orders);
    for (const engine of ["pglite", "postgres"]) {
      process.stderr.write(`… ${engine}, ${orders} orders\n`);
      const out = execFileSync(
        process.execPath,
        ["--import", "tsx", "bench/kpis.ts", "--child", engine, String(orders), runs],
        { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] },
      );
      results.push(JSON.parse(out.trim().split("\n").pop() ?? "{}") as ChildResult);
    }
  }
  console.log(machineLine());
  console.log(
    `kpiSummary(last N days) latency in ms (p50 / p99 of ${runs} runs); ratio = view p50 ÷ rollup p50\n`,
  );
  const rows: Array<Array<string | number>> = [];
  for (const r of results) {
    for (const days of [7, 30, 365]) {
      const view = r.timings.find((t) => t.days === days && t.source === "view");
      const rollup = r.timings.find((t) => t.days === days && t.source === "rollup");
      if (!view || !rollup) continue;
      rows.push([
        r.engine,
        r.orders.toLocaleString("en-IN"),
        days,
        `${view.p50.toFixed(1)} / ${view.p99.toFixed(1)}`,
        `${rollup.p50.toFixed(2)} / ${rollup.p99.toFixed(2)}`,
        `${(view.p50 / rollup.p50).toFixed(0)}×`,
      ]);
    }
  }
  printTable(["engine", "orders", "days", "view ms", "rollup ms", "ratio"], rows);
  console.log("\nImport (generated CSVs → tables, incl. rollup refresh) and peak RSS of the whole process\n");
  printTable(
    ["engine", "orders", "import s", "rows/s (orders)", "peak RSS MB"],
    results.map((r) => [
      r.engine,
      r.orders.toLocaleString("en-IN"),
      r.importSeconds.toFixed(1),
      Math.round(r.orders / r.importSeconds),
      Math.round(r.peakRssMb),
    ]),
  );
}

if (process.argv[2] === "--child") {
  const [engine, orders, runs] = process.argv.slice(3);
  const result = await child(engine as "pglite" | "postgres", Number(orders), Number(runs));
  console.log(JSON.stringify(result));
} else {
  await parent();
  if (process.argv.includes("--clean")) rmSync(OUT, { recursive: true, force: true });
}
