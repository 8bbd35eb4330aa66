import { existsSync } from "node:fs";
import { join } from "node:path";
import { createSlackApp } from "./app-slack.ts";
import { type Config, ConfigError, databaseTarget, loadConfig, slackMode } from "./config.ts";
import { createProgress } from "./console/progress.ts";
import { runRepl } from "./console/repl.ts";
import { ensureDemoData } from "./core/data/demo.ts";
import type { Db } from "./core/db/types.ts";
import { TRAINING_STAGE_WORDS, trainDelayModel } from "./core/delay-model/index.ts";
import { digestServiceOf } from "./core/digest/service.ts";
import { ragServiceOf } from "./core/rag/service.ts";
import { startDigestScheduler } from "./digest-scheduler.ts";
import { createLogger, type Logger } from "./logger.ts";
import { appReadinessChecks } from "./observability/checks.ts";
import { observabilityRoutes } from "./observability/health.ts";
import { createMetrics } from "./observability/metrics.ts";
import type { ReconnectingDb } from "./observability/reconnecting-db.ts";
import { startObservabilityServer } from "./observability/server.ts";
import { openRuntime, type Runtime } from "./runtime.ts";

/**
 * `npm start`: configuration → database (PGlite unless DATABASE_URL) → migrations → Slack
 * (Socket Mode or HTTP) when a bot token is set, otherwise the terminal console.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const mode = slackMode(config);
  const logger = createLogger(mode === "console" ? "warn" : config.LOG_LEVEL);
  const metrics = createMetrics();
  const runtime = await openRuntime(
    config,
    databaseTarget(config),
    mode === "console"
      ? {}
      : { survivingDatabaseOutage: { logger, onDbError: (kind) => metrics.dbErrors.inc({ kind }) } },
  );
  if (!config.DATABASE_URL) {
    await loadDemoDataIfEmpty(runtime, config, logger);
    await trainFirstModelIfMissing(runtime);
  }

  // The semantic index builds in the background once the database is there; /why answers by
  // keywords (and says so) meanwhile.
  void whenConnected(runtime.db).then(() => ragServiceOf(runtime.context("startup")).startIndexing());

  if (mode === "console") {
    await runRepl(runtime);
    await runtime.close();
    return;
  }
  const readinessChecks = appReadinessChecks(runtime);
  const slack = createSlackApp({ config, runtime, logger, metrics, readiness: readinessChecks });
  const { port } = await slack.start();
  // Socket Mode has no HTTP receiver: probes and Prometheus get their own small server on PORT.
  const probes =
    slack.mode === "socket"
      ? await startObservabilityServer({
          routes: observabilityRoutes({ metrics, checks: readinessChecks }),
          port: config.PORT,
        })
      : undefined;
  logger.info({ mode, port: port ?? probes?.port, database: runtime.db.description }, "Slack app started");
  const digest = startDigestScheduler({
    db: runtime.db,
    poster: slack.digestPoster,
    logger,
    settings: runtime.settings,
    service: digestServiceOf(runtime.services),
    services: runtime.services,
    policy: { catchUpMinutes: config.DIGEST_CATCHUP_MINUTES },
  });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await digest.stop();
    await slack.stop();
    await probes?.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

function whenConnected(db: Db): Promise<void> {
  return "whenConnected" in db ? (db as ReconnectingDb).whenConnected() : Promise.resolve();
}

/** Embedded first run: an empty PGlite database gets demo data, so the first answer is real. */
async function loadDemoDataIfEmpty(runtime: Runtime, config: Config, logger: Logger): Promise<void> {
  const progress = {
    generate: createProgress("Generating demo data"),
    import: createProgress("Loading demo data"),
  };
  let phase: "generate" | "import" | undefined;
  const summary = await ensureDemoData(runtime.db, {
    dir: join(config.PGLITE_DIR === "memory://" ? "data" : config.PGLITE_DIR, "..", "demo-csv.tmp"),
    timeZone: config.TZ_REPORTS,
    onPhase: (next, done, total) => {
      if (phase && phase !== next) progress[phase].done();
      phase = next;
      progress[next].update(done, total);
    },
  });
  if (phase) progress[phase].done();
  if (summary) {
    logger.info({ files: summary.files.length }, "demo data loaded");
  }
}

/**
 * The embedded first run also trains the delay model, with settings the full search usually
 * picks on generated data, so /delay-risk answers at once (seconds, not the search's minute).
 * `blinkit model train` runs the full validation search.
 */
async function trainFirstModelIfMissing(runtime: Runtime): Promise<void> {
  if (existsSync(runtime.settings.modelPath)) return;
  const progress = createProgress("Training the delivery-delay model");
  try {
    const report = await trainDelayModel(
      runtime.db,
      {
        modelPath: runtime.settings.modelPath,
        timeZone: runtime.settings.timeZone,
        trees: 150,
        maxDepth: 14,
        minSamplesLeaf: 50,
        areaEncoding: "target",
      },
      (p) => progress.update(p.done, p.total, TRAINING_STAGE_WORDS[p.stage]),
    );
    progress.done(`hold-out ROC-AUC ${report.metrics.rocAuc?.toFixed(3) ?? "n/a"}`);
  } catch (error) {
    progress.done(`skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
