/**
 * Load on the Slack HTTP receiver: signed slash commands and app_mention events, half and half,
 * sent open-loop at fixed rates (default 50, 100 and 200 req/s for 30 s each) to the real Bolt
 * app in a separate process, over loopback, with a fake Slack Web API and the real PostgreSQL.
 * Every request is a new delivery, so each one also claims its id in the database (dedupe).
 *
 * Scenarios (--scenario):
 *   ack   `/roas help` and "@bot help": the request path alone (signature, dedupe claim, ack,
 *         a private reply) — what bounds how much traffic one replica accepts;
 *   full  `/roas 7d` and "@bot roas 30d": KPIs from PostgreSQL and a chart PNG per answer —
 *         what bounds how many answers one replica produces.
 * Reported per rate: requests sent, errors (non-200, network, or over the in-flight cap), ack
 * latency p50/p99/max (send → HTTP 200); requests answered to the end and those not answered
 * (queue full: "busy, try again", or delivery failed), counted by the bot's own metrics; how
 * long the backlog took to drain after the last send; the server's RSS/heap before and after
 * (after a GC).
 *
 *   npx tsx bench/load.ts [--rates 50,100,200] [--seconds 30] [--scenario ack|full|both] [--orders 20000]
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { machineLine, percentile, printTable } from "./machine.ts";

const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECRET = "bench-signing-secret-0123456789";
/** Requests still waiting for their ack beyond this count are not sent (and count as errors). */
const MAX_IN_FLIGHT = 2_000;
const DRAIN_MS = 20_000;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

type Scenario = "ack" | "full";

interface ServerStats {
  rssMb: number;
  heapMb: number;
  /** Requests answered to the end (a result or the command's own explanation). */
  answers: number;
  /** Requests whose answer could not be delivered (busy, Slack refused) or that were dropped. */
  failed: number;
}

type ServerMessage =
  | { type: "ready"; port: number; responseUrlBase: string }
  | { type: "stats"; stats: ServerStats };

// ---------------------------------------------------------------- server (child process)

async function serve(): Promise<void> {
  const { createSlackApp } = await import("../src/app-slack.ts");
  const { loadConfig } = await import("../src/config.ts");
  const { createRegistry } = await import("../src/core/commands/index.ts");
  const { generateDataset } = await import("../src/core/data/generate/index.ts");
  const { loadDataDirectory } = await import("../src/core/data/load.ts");
  const { migrate } = await import("../src/core/db/migrate.ts");
  const { openPostgres } = await import("../src/core/db/postgres.ts");
  const { createLogger } = await import("../src/logger.ts");
  const { FakeSlack } = await import("../test/harness/fake-slack.ts");

  const orders = Number(arg("--orders", "20000"));
  const schema = `bench_load_${orders}`;
  const admin = await openPostgres(PG_URL, { max: 1 });
  await admin.exec(`create schema if not exists ${schema}`);
  await admin.close();
  // The pool size a production replica would use.
  const db = await openPostgres(PG_URL, { schema, max: 10 });
  await migrate(db);
  const { rows } = await db.query<{ n: number }>("select count(*)::int as n from orders");
  if ((rows[0]?.n ?? 0) < orders) {
    const dir = join("bench/out", `data-${orders}`);
    if (!existsSync(join(dir, "blinkit_orders.csv"))) {
      await generateDataset({ orders, days: 120, seed: 42, endDate: "2026-11-20" }, dir);
    }
    await loadDataDirectory(db, dir, { timeZone: "Asia/Kolkata" });
  }
  await db.exec("truncate slack_events");

  const fake = await FakeSlack.start();
  const registry = createRegistry();
  const slack = createSlackApp({
    config: loadConfig({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET }),
    runtime: {
      registry,
      context: (requester) => ({
        db,
        settings: { timeZone: "Asia/Kolkata", modelPath: "models/none.json" },
        services: {},
        now: () => new Date("2026-11-21T06:00:00Z"),
        requester,
      }),
    },
    // Production's logger and level: one JSON line per request (stderr is discarded by the parent).
    logger: createLogger("info"),
    slackApiUrl: fake.apiUrl,
    botId: "BBENCH",
    botUserId: "UBENCH",
    port: 0,
    host: "127.0.0.1",
  });
  const { port = 0 } = await slack.start();
  const send = (message: ServerMessage) => process.send?.(message);
  process.on("message", async (message: { type: string }) => {
    if (message.type === "stats") {
      // The fake Slack shares this process and records every call: drop its records so the
      // memory figures are the bot's own.
      fake.reset();
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      // Requests handled to the end (answer delivered, or the failure reported), by outcome.
      const counted = (await slack.metrics.slackRequests.get()).values;
      const handled = (outcomes: string[]) =>
        counted
          .filter((value) => outcomes.includes(String(value.labels.outcome)))
          .reduce((sum, value) => sum + value.value, 0);
      send({
        type: "stats",
        stats: {
          rssMb: memory.rss / 2 ** 20,
          heapMb: memory.heapUsed / 2 ** 20,
          answers: handled(["answered", "error_answer"]),
          failed: handled(["failed", "busy", "error", "duplicate"]),
        },
      });
    }
    if (message.type === "stop") {
      void slack
        .stop()
        .then(() => fake.close())
        .then(() => db.close())
        .then(() => process.exit(0));
    }
  });
  // response_url replies go to the fake Slack, as Slack's own would.
  send({ type: "ready", port, responseUrlBase: fake.responseUrl("x").replace(/\/x$/, "") });
}

// ---------------------------------------------------------------- load generator (parent)

interface Server {
  child: ChildProcess;
  port: number;
  responseUrlBase: string;
}

function startServer(): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", ...process.argv.slice(2)], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with code ${code}`)));
    child.on("message", (message: ServerMessage) => {
      if (message.type === "ready")
        resolve({ child, port: message.port, responseUrlBase: message.responseUrlBase });
    });
  });
}

function serverStats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== "stats") return;
      child.off("message", onMessage);
      resolve(message.stats);
    };
    child.on("message", onMessage);
    child.send({ type: "stats" });
  });
}

interface RunResult {
  sent: number;
  errors: number;
  acks: number[];
  /** The same latencies split by request kind. */
  commandAcks: number[];
  eventAcks: number[];
}

/** Sends `rate` requests a second for `seconds`, on schedule whatever the answers take. */
async function runAt(
  server: Server,
  scenario: Scenario,
  rate: number,
  seconds: number,
  signed: typeof import("../test/harness/signed-request.ts"),
): Promise<RunResult> {
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  const result: RunResult = { sent: 0, errors: 0, acks: [], commandAcks: [], eventAcks: [] };
  const total = rate * seconds;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const one = (i: number) => {
    const sentAt = performance.now();
    const request =
      i % 2 === 0
        ? signed.postSlashCommand(url, SECRET, {
            command: "/roas",
            text: scenario === "ack" ? "help" : "7d",
            response_url: `${server.responseUrlBase}/r${i}`,
          })
        : signed.postEvent(url, SECRET, {
            type: "app_mention",
            user: `U${i % 50}`,
            text: scenario === "ack" ? "<@UBENCH> help" : "<@UBENCH> roas 30d",
            channel: "C1",
            ts: `${Date.now() / 1000}`,
          });
    const tracked = request
      .then((response) => {
        if (response.status !== 200) {
          result.errors += 1;
          return;
        }
        const latency = performance.now() - sentAt;
        result.acks.push(latency);
        (i % 2 === 0 ? result.commandAcks : result.eventAcks).push(latency);
      })
      .catch(() => {
        result.errors += 1;
      })
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  while (result.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; result.sent < due; result.sent++) {
      if (inFlight.size >= MAX_IN_FLIGHT) result.errors += 1;
      else one(result.sent);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return result;
}

/** Waits until `expected` requests in all have been handled to the end (or the drain times out). */
async function waitForAnswers(child: ChildProcess, expected: number): Promise<ServerStats> {
  const deadline = Date.now() + DRAIN_MS;
  let stats = await serverStats(child);
  while (stats.answers + stats.failed < expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stats = await serverStats(child);
  }
  return stats;
}

async function main(): Promise<void> {
  const rates = arg("--rates", "50,100,200").split(",").map(Number);
  const seconds = Number(arg("--seconds", "30"));
  const which = arg("--scenario", "ack");
  const scenarios: Scenario[] = which === "both" ? ["ack", "full"] : [which as Scenario];
  if (rates.some((rate) => !(rate > 0 && rate <= 1_000)) || !(seconds > 0 && seconds <= 300)) {
    throw new Error("--rates must be 1..1000 req/s and --seconds 1..300 (this bench is bounded on purpose)");
  }
  const signed = await import("../test/harness/signed-request.ts");
  const loadAtStart = loadavg();
  const rows: Array<Array<string | number>> = [];
  for (const scenario of scenarios) {
    process.stderr.write(`… starting the bot (PostgreSQL at ${PG_URL}) for scenario ${scenario}\n`);
    const server = await startServer();
    const { child } = server;
    await runAt(server, scenario, 20, 2, signed); // warm-up: JIT, pool connections, first chart
    let before = await waitForAnswers(child, 40);
    for (const rate of rates) {
      process.stderr.write(`… ${scenario}: ${rate} req/s for ${seconds} s\n`);
      const run = await runAt(server, scenario, rate, seconds, signed);
      const sendingEnded = performance.now();
      const after = await waitForAnswers(child, before.answers + before.failed + run.acks.length);
      const drainSeconds = (performance.now() - sendingEnded) / 1000;
      const ms = (p: number) => percentile(run.acks, p).toFixed(1);
      rows.push([
        scenario,
        rate,
        run.sent,
        run.errors,
        ms(50),
        ms(99),
        Math.max(...run.acks).toFixed(1),
        `${percentile(run.commandAcks, 99).toFixed(0)} / ${percentile(run.eventAcks, 99).toFixed(0)}`,
        after.answers - before.answers,
        after.failed - before.failed,
        drainSeconds.toFixed(1),
        `${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)}`,
        `${before.heapMb.toFixed(0)} → ${after.heapMb.toFixed(0)}`,
      ]);
      before = after;
    }
    child.removeAllListeners("exit");
    child.send({ type: "stop" });
    await new Promise((resolve) => child.once("exit", resolve));
  }
  console.log(machineLine());
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(", ");
  console.log(
    `load average at start: ${load(loadAtStart)}; at the end: ${load(loadavg())} (other work shares the machine)`,
  );
  console.log(
    `bench/load.ts: ${seconds} s per rate, open loop, loopback, slash commands and app_mention events 1:1, real PostgreSQL, fake Slack Web API`,
  );
  printTable(
    [
      "scenario",
      "req/s",
      "sent",
      "errors",
      "ack p50 ms",
      "ack p99 ms",
      "ack max ms",
      "p99 cmd / event",
      "answered",
      "not answered",
      "drain s",
      "server RSS MB",
      "heap MB",
    ],
    rows,
  );
}

if (process.argv.includes("--serve")) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
