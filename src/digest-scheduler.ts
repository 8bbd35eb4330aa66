import { hostname } from "node:os";
import cron from "node-cron";
import type { Services } from "./core/commands/context.ts";
import { describeError } from "./core/commands/registry.ts";
import type { Db } from "./core/db/types.ts";
import { digestSources } from "./core/digest/connect.ts";
import type { DigestService } from "./core/digest/service.ts";
import {
  DEFAULT_RUN_POLICY,
  type DigestLog,
  type DigestPoster,
  type DigestRunPolicy,
  runDigestTick,
  type TickReport,
} from "./core/digest/worker.ts";

export type { DigestLog, DigestPoster } from "./core/digest/worker.ts";

/** Calls `onMinute` at the start of every minute until stopped; node-cron unless a test injects one. */
export type MinuteTicker = (onMinute: () => void) => { stop(): void };

export interface DigestSchedulerDeps {
  db: Db;
  /** Posts a digest to a channel; the Slack layer implements it with its renderer. */
  poster: DigestPoster;
  /** A pino logger fits. */
  logger: DigestLog;
  settings: { modelPath: string };
  /** Thresholds and the default channel: the same object the app puts in services.digest. */
  service: DigestService;
  /** Overrides of the run policy, e.g. catchUpMinutes from DIGEST_CATCHUP_MINUTES. */
  policy?: Partial<DigestRunPolicy>;
  /** Where the delay model is cached; pass the app's services bag to share it with commands. */
  services?: Services;
  clock?: () => Date;
  workerId?: string;
  ticker?: MinuteTicker;
}

export interface DigestScheduler {
  /** Runs one tick now (also what every minute does); resolves when it is done. */
  tick(): Promise<TickReport | undefined>;
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

const everyMinute: MinuteTicker = (onMinute) => {
  const task = cron.schedule("* * * * *", onMinute, { name: "morning-digest", noOverlap: true });
  return { stop: () => void task.stop() };
};

/**
 * Starts the morning digest: one tick at once (so a bot started at 09:10 catches up on 08:30),
 * then one every minute. A tick reads subscriptions from the database, so `/digest` changes
 * apply without a restart; runs are claimed in the database, so any number of replicas can
 * run this and each channel still gets one digest a day.
 */
export function startDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const clock = deps.clock ?? (() => new Date());
  const worker = {
    db: deps.db,
    poster: deps.poster,
    clock,
    workerId: deps.workerId ?? `${hostname()}:${process.pid}`,
    log: deps.logger,
    policy: { ...DEFAULT_RUN_POLICY, ...deps.policy },
    content: {
      thresholds: deps.service.thresholds,
      sources: digestSources({ db: deps.db, settings: deps.settings, services: deps.services ?? {} }),
    },
    defaultSubscription: deps.service.defaultSubscription,
  };
  let running: Promise<TickReport | undefined> | undefined;
  let stopped = false;

  const tick = (): Promise<TickReport | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    // A slow tick (a big chart, a slow Slack) must not overlap the next one in this process.
    running ??= runDigestTick(worker)
      .catch((error: unknown) => {
        deps.logger.error({ error: describeError(error) }, "digest tick failed; the next minute tries again");
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const ticker = (deps.ticker ?? everyMinute)(() => void tick());
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      ticker.stop();
      await running;
    },
  };
}
