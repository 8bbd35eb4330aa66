/**
 * /roas through the real Bolt HTTP receiver with a fake Slack Web API on loopback:
 *   - signed request → ack (HTTP 200), p50/p99 over --requests requests, each answered fully
 *     before the next is sent (ack in isolation), and separately the very first, cold request;
 *   - signed request → answer posted and → chart uploaded, for 30d and 365d;
 *   - the chart renderer alone (ms per PNG and PNG size).
 * Data: the deterministic generator at --orders (default 1,000,000) loaded into a schema on the
 * PostgreSQL server (kept between runs; --fresh reloads).
 *   npx tsx bench/roas.ts [--orders 1000000] [--requests 200] [--runs 20] [--fresh]
 */
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createSlackApp } from "../src/app-slack.ts";
import { loadConfig } from "../src/config.ts";
import { renderChart } from "../src/core/charts/render-chart.ts";
import type { ChartSpec } from "../src/core/commands/answer.ts";
import type { CommandContext } from "../src/core/commands/context.ts";
import { createRegistry } from "../src/core/commands/index.ts";
import { generateDataset } from "../src/core/data/generate/index.ts";
import { loadDataDirectory } from "../src/core/data/load.ts";
import { migrate } from "../src/core/db/migrate.ts";
import { openPostgres } from "../src/core/db/postgres.ts";
import type { Db } from "../src/core/db/types.ts";
import { createLogger } from "../src/logger.ts";
import { FakeSlack } from "../test/harness/fake-slack.ts";
import { postSlashCommand } from "../test/harness/signed-request.ts";
import { machineLine, percentile, printTable } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const END_DATE = "2026-11-20";
const SECRET = "bench-signing-secret-0123456789";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const orders = Number(arg("--orders", "1000000"));
const requests = Number(arg("--requests", "200"));
const runs = Number(arg("--runs", "20"));

/** The same generated files as bench/kpis.ts, so both benches share one 1M-order dataset. */
async function dataset(): Promise<string> {
  const dir = join("bench/out", `data-${orders}`);
  if (!existsSync(join(dir, "blinkit_orders.csv"))) {
    await generateDataset({ orders, days: 400, seed: 42, endDate: END_DATE }, dir);
  }
  return dir;
}

async function openLoadedDb(): Promise<{ db: Db; importSeconds: number | null }> {
  const schema = `bench_roas_${orders}`;
  const admin = await openPostgres(PG_URL, { max: 1 });
  if (process.argv.includes("--fresh")) await admin.exec(`drop schema if exists ${schema} cascade`);
  await admin.exec(`create schema if not exists ${schema}`);
  await admin.close();
  const db = await openPostgres(PG_URL, { schema, max: 4 });
  await migrate(db);
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from orders");
  if ((rows[0]?.n ?? 0) >= orders) return { db, importSeconds: null };
  const dir = await dataset();
  const started = performance.now();
  await loadDataDirectory(db, dir, { timeZone: "Asia/Kolkata" });
  return { db, importSeconds: (performance.now() - started) / 1000 };
}

const ms = (values: number[]) =>
  `${percentile(values, 50).toFixed(1)} / ${percentile(values, 99).toFixed(1)}`;

async function main(): Promise<void> {
  process.stderr.write(`… loading ${orders.toLocaleString("en-IN")} orders into PostgreSQL\n`);
  const { db, importSeconds } = await openLoadedDb();
  const fake = await FakeSlack.start();
  const registry = createRegistry();
  const context = (requester?: string): CommandContext => ({
    db,
    settings: { timeZone: "Asia/Kolkata", modelPath: "models/delivery_delay_model.json" },
    services: {},
    now: () => new Date(),
    requester,
  });
  const slack = createSlackApp({
    config: loadConfig({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET }),
    runtime: { registry, context },
    logger: createLogger("silent"),
    slackApiUrl: fake.apiUrl,
    botId: "BBENCH",
    botUserId: "UBENCH",
    port: 0,
    host: "127.0.0.1",
  });
  const { port } = await slack.start();
  const url = `http://127.0.0.1:${port}/slack/events`;

  /** One /roas request: ack, answer posted and chart uploaded, each in ms from the send. */
  async function roundTrip(text: string): Promise<{ ack: number; posted: number; chart: number }> {
    fake.reset();
    const t0 = performance.now();
    const response = await postSlashCommand(url, SECRET, {
      command: "/roas",
      text,
      response_url: fake.responseUrl(),
    });
    const ack = performance.now() - t0;
    if (response.status !== 200) throw new Error(`ack failed: HTTP ${response.status}`);
    await fake.waitFor(() => fake.callsTo("chat.postMessage")[0], 60_000);
    const posted = performance.now() - t0;
    await fake.waitFor(() => fake.callsTo("files.completeUploadExternal")[0], 60_000);
    return { ack, posted, chart: performance.now() - t0 };
  }

  const cold = await roundTrip("30d");
  const acks: number[] = [];
  process.stderr.write(`… ${requests} requests for ack latency\n`);
  for (let i = 0; i < requests; i++) acks.push((await roundTrip(i % 2 === 0 ? "30d" : "7d")).ack);

  const endToEnd: Record<string, { posted: number[]; chart: number[] }> = {};
  const specs: Record<string, ChartSpec> = {};
  for (const range of ["30d", "365d"]) {
    process.stderr.write(`… ${runs} × /roas ${range} end to end\n`);
    const posted: number[] = [];
    const chart: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await roundTrip(range);
      posted.push(r.posted);
      chart.push(r.chart);
    }
    endToEnd[range] = { posted, chart };
    const answer = await registry.runLine(`/roas ${range}`, context("bench"));
    if (answer.chart) specs[range] = answer.chart;
  }
  await slack.stop();
  await fake.close();
  await db.close();

  const renders: Array<[string, number[], number]> = [];
  for (const [range, spec] of Object.entries(specs)) {
    for (const scale of [2, 1]) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs * 2; i++) {
        const t0 = performance.now();
        bytes = (await renderChart(spec, { scale })).length;
        times.push(performance.now() - t0);
      }
      renders.push([`${range} (${spec.labels.length} points), ${900 * scale}×${450 * scale}`, times, bytes]);
    }
  }

  console.log(machineLine());
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(", ")} (other work shares the machine)`,
  );
  console.log(
    `data: ${orders.toLocaleString("en-IN")} generated orders on PostgreSQL 127.0.0.1 ` +
      `(${importSeconds === null ? "already loaded" : `imported in ${importSeconds.toFixed(0)} s`}); ` +
      "fake Slack API and receiver on loopback\n",
  );
  printTable(
    ["measure", "requests", "p50 / p99 ms"],
    [
      ["signed request → ack, cold (first request)", 1, cold.ack.toFixed(1)],
      ["signed request → ack (30d/7d alternating)", requests, ms(acks)],
      ["request → answer posted, 30d", runs, ms(endToEnd["30d"]?.posted ?? [])],
      ["request → chart uploaded, 30d", runs, ms(endToEnd["30d"]?.chart ?? [])],
      ["request → answer posted, 365d (weekly chart)", runs, ms(endToEnd["365d"]?.posted ?? [])],
      ["request → chart uploaded, 365d (weekly chart)", runs, ms(endToEnd["365d"]?.chart ?? [])],
    ],
  );
  console.log(`\nChart renderer alone (Chart.js on @napi-rs/canvas; the bot sends 1800×900)\n`);
  printTable(
    ["chart", "renders", "p50 / p99 ms", "PNG KB"],
    renders.map(([name, times, bytes]) => [name, times.length, ms(times), (bytes / 1024).toFixed(0)]),
  );
}

await main();
