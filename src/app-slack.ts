import type { AddressInfo } from "node:net";
import {
  App,
  type Logger as BoltLogger,
  type CustomRoute,
  HTTPReceiver,
  LogLevel,
  webApi,
} from "@slack/bolt";
import { type Config, slackMode } from "./config.ts";
import type { CommandContext } from "./core/commands/context.ts";
import { commandForText } from "./core/commands/mention-router.ts";
import type { CommandRegistry } from "./core/commands/registry.ts";
import type { DigestPoster } from "./core/digest/worker.ts";
import { workerChartRenderer } from "./handlers/delivery/chart-worker.ts";
import { botIdOf, slackDigestPoster } from "./handlers/delivery/digest-poster.ts";
import { workQueue } from "./handlers/delivery/work-queue.ts";
import type { HandlerDeps, MentionRouter } from "./handlers/deps.ts";
import { type DeliveryClaims, databaseClaims } from "./handlers/middleware/dedupe.ts";
import { registerHandlers } from "./handlers/registerHandlers.ts";
import type { Logger } from "./logger.ts";
import { observabilityRoutes, type ReadinessCheck } from "./observability/health.ts";
import { type BotMetrics, createMetrics } from "./observability/metrics.ts";

export interface SlackAppOptions {
  config: Config;
  /** The registry and a context factory: the same ones the console and CLI use. */
  runtime: { registry: CommandRegistry; context(requester?: string): CommandContext };
  logger: Logger;
  /** Mention text → command; defaults to an explicit command name, else the words' meaning. */
  routeMention?: MentionRouter;
  /** Command lines shown as Home tab panels. */
  homePanels?: readonly string[];
  /** Extra HTTP routes on the receiver; HTTP mode only. */
  customRoutes?: CustomRoute[];
  /** Counters behind /metrics; a fresh registry when absent. */
  metrics?: BotMetrics;
  /** What GET /readyz checks (database, model, index); HTTP mode only. */
  readiness?: readonly ReadinessCheck[];
  /** Where deliveries are claimed so retries never answer twice; the runtime's database by default. */
  claims?: DeliveryClaims;
  /** Request bodies above this many bytes get 413 before any parsing. */
  bodyLimitBytes?: number;
  /** Answers computed at once after ack(), and how many may wait; see work-queue.ts. */
  answerConcurrency?: number;
  maxQueuedAnswers?: number;
  /** Test and bench seams. */
  slackApiUrl?: string;
  /** With both ids given, Bolt skips its auth.test call at start (tests, offline benches). */
  botId?: string;
  botUserId?: string;
  renderChart?: HandlerDeps["renderChart"];
  slowAfterMs?: number;
  /** Listen port for HTTP mode; defaults to config.PORT (0 picks a free one). */
  port?: number;
  host?: string;
}

export interface SlackApp {
  app: App;
  mode: "socket" | "http";
  metrics: BotMetrics;
  /**
   * The morning digest's poster: each message carries its report date (message metadata), and a
   * retry looks for the earlier attempt's message before posting again (docs/digest.md).
   */
  digestPoster: DigestPoster;
  /** Starts listening (HTTP) or connecting (Socket Mode); returns the HTTP port when there is one. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

export const DEFAULT_SLOW_AFTER_MS = 1_500;
export const DEFAULT_HOME_PANELS = ["/roas 30d"];
/** Slack's largest payloads (a modal's state, a long message with blocks) stay well below this. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_ANSWER_CONCURRENCY = 4;
export const DEFAULT_MAX_QUEUED_ANSWERS = 500;
/** A digest call slower than this fails and is retried by the worker, well inside its lease. */
export const DIGEST_CALL_TIMEOUT_MS = 30_000;

/** Builds the Bolt app for the configured mode with every listener registered. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const mode = slackMode(config);
  if (mode === "console") {
    throw new Error("SLACK_BOT_TOKEN is not set, so there is no Slack app to build: run the console instead");
  }
  const skipAuthTest = Boolean(options.botId && options.botUserId);
  const metrics = options.metrics ?? createMetrics();
  const slackLogger = boltLogger(logger);
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    logger: slackLogger,
    ...(mode === "socket"
      ? { socketMode: true, appToken: config.SLACK_APP_TOKEN }
      : {
          // Built here rather than by Bolt, which gives no way to set the body limit.
          receiver: new HTTPReceiver({
            signingSecret: config.SLACK_SIGNING_SECRET ?? "",
            logger: slackLogger,
            bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
            customRoutes: [
              ...observabilityRoutes({ metrics, checks: options.readiness ?? [] }),
              ...(options.customRoutes ?? []),
            ],
          }),
        }),
    ...(skipAuthTest
      ? { botId: options.botId, botUserId: options.botUserId, tokenVerificationEnabled: false }
      : {}),
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      // Spelled out because answers depend on it: a 429 is waited out (Retry-After), never
      // dropped, and failed calls retry for up to ~30 minutes, the life of a response_url.
      rejectRateLimitedCalls: false,
      retryConfig: webApi.retryPolicies.tenRetriesInAboutThirtyMinutes,
    },
  });
  const work = workQueue({
    concurrency: options.answerConcurrency ?? DEFAULT_ANSWER_CONCURRENCY,
    maxWaiting: options.maxQueuedAnswers ?? DEFAULT_MAX_QUEUED_ANSWERS,
  });
  // Charts render on a worker thread unless a test or bench supplies its own renderer.
  const charts = options.renderChart
    ? { render: options.renderChart, close: async () => undefined }
    : workerChartRenderer();
  const deps: HandlerDeps = {
    registry: options.runtime.registry,
    context: (requester) => options.runtime.context(requester),
    // Charts take a slot like commands do, so a burst cannot pile unbounded work on the renderer.
    renderChart: (spec) => work.run(() => charts.render(spec)),
    work,
    routeMention: options.routeMention ?? ((text) => commandForText(options.runtime.registry, text)),
    slowAfterMs: options.slowAfterMs ?? DEFAULT_SLOW_AFTER_MS,
    homePanels: options.homePanels ?? DEFAULT_HOME_PANELS,
    logger,
    metrics,
  };
  // The digest's own client tries each call once: retrying a chat.postMessage whose response was
  // lost would post the digest twice, so retries are left to the digest worker, which first looks
  // for the earlier attempt's message. A 429 fails at once too, instead of holding the run.
  const digestClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    logger: slackLogger,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: DIGEST_CALL_TIMEOUT_MS,
  });
  const claims = options.claims ?? databaseClaims(options.runtime.context("slack").db, { logger });
  registerHandlers(app, deps, claims);
  app.error(async (error) => {
    logger.error({ err: error }, "unhandled Slack listener error");
  });
  return {
    app,
    mode,
    metrics,
    digestPoster: slackDigestPoster(digestClient, deps, botIdOf(digestClient, options.botId)),
    async start() {
      if (mode === "socket") {
        await app.start();
        return {};
      }
      const server = await app.start({ port: options.port ?? config.PORT, host: options.host });
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
      await charts.close();
    },
  };
}

const BOLT_LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/** Bolt's logger interface over the app's pino logger, so Slack's own messages share its format. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  const join = (parts: unknown[]) =>
    parts.map((part) => (typeof part === "string" ? part : String(part))).join(" ");
  return {
    debug: (...parts) => child.debug(join(parts)),
    info: (...parts) => child.info(join(parts)),
    warn: (...parts) => child.warn(join(parts)),
    error: (...parts) => child.error(join(parts)),
    setLevel: () => undefined,
    getLevel: () => BOLT_LEVELS[logger.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
