import type { Answer } from "../commands/answer.ts";
import { describeError } from "../commands/registry.ts";
import type { Db } from "../db/types.ts";
import { composeDigest, type DigestOptions } from "./compose.ts";
import {
  type Claim,
  claimRun,
  type ExpiredRun,
  expireRuns,
  markFailed,
  markPosted,
  reclaimRun,
  retryCandidates,
} from "./runs.ts";
import { dueRuns, type Subscription } from "./schedule.ts";
import { activeSubscriptions } from "./subscriptions.ts";

/** Delivers a digest to a channel; the Slack layer implements it with its Block Kit renderer. */
export interface DigestPoster {
  /** Posts the digest for `reportDate`, marked so that `alreadyPosted` can find it again. */
  post(channel: string, answer: Answer, reportDate: string): Promise<void>;
  /**
   * Whether the digest for `reportDate` is in the channel already, posted since `since`: an
   * earlier attempt's post can land without that attempt learning it. Throws when it can't tell.
   */
  alreadyPosted(channel: string, reportDate: string, since: Date): Promise<boolean>;
}

/** The slice of a pino logger the worker uses (structured fields first, message second). */
export interface DigestLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DigestRunPolicy {
  /** How late a missed slot may still be posted (a bot down at 08:30 posting at 09:10). */
  catchUpMinutes: number;
  /** Tries per channel and day, the first included. */
  maxAttempts: number;
  /** Wait before the first retry; doubled for each later one, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A claim with no outcome after this long is presumed crashed and is taken over. */
  leaseMs: number;
  /** Unfinished runs scheduled longer ago than this are marked failed for good. */
  giveUpAfterMs: number;
}

export const DEFAULT_RUN_POLICY: DigestRunPolicy = {
  catchUpMinutes: 180,
  maxAttempts: 4,
  retryBaseMs: 60_000,
  retryMaxMs: 30 * 60_000,
  leaseMs: 10 * 60_000,
  giveUpAfterMs: 12 * 60 * 60_000,
};

export interface DigestWorker {
  db: Db;
  poster: DigestPoster;
  /** Injectable so tests can stand at any instant; the scheduler passes () => new Date(). */
  clock: () => Date;
  /** Names this process in digest_runs.claimed_by (host and pid, say). */
  workerId: string;
  log: DigestLog;
  policy: DigestRunPolicy;
  /** Thresholds and sources; sections come from each subscription. */
  content: Omit<DigestOptions, "sections">;
  /** The channel configured in the environment, subscribed without a table row. */
  defaultSubscription?: Subscription;
}

export interface RunOutcome {
  channel: string;
  reportDate: string;
  attempt: number;
  /** "already_posted": an earlier attempt's post was found in the channel and not repeated. */
  status: "posted" | "already_posted" | "failed";
}

/**
 * How much further back than the oldest retryable slot the channel is searched for an earlier
 * attempt's post, for clock skew between this host and Slack.
 */
const HISTORY_SKEW_MS = 60 * 60_000;

export interface TickReport {
  outcomes: RunOutcome[];
  expired: ExpiredRun[];
}

/**
 * One scheduler tick: gives up on runs too old to post, posts every digest due now (including
 * missed ones inside the catch-up window), and retries failed or abandoned ones. Subscriptions
 * are read from the database every tick, so changes apply without a restart. Each run is
 * claimed before it is composed, so however many workers tick at once, one of them posts it.
 */
export async function runDigestTick(worker: DigestWorker): Promise<TickReport> {
  const { db, policy } = worker;
  const now = worker.clock();
  const oldestSlot = new Date(now.getTime() - policy.giveUpAfterMs);
  const expired = await expireRuns(db, oldestSlot, "gave up: too late to post this digest", now);
  for (const run of expired) {
    worker.log.error({ ...run }, "digest not posted: gave up after its retries ran out of time");
  }

  const subscriptions = await activeSubscriptions(db, worker.defaultSubscription);
  const byChannel = new Map(subscriptions.map((s) => [s.channel, s]));
  const outcomes: RunOutcome[] = [];
  const lease = { workerId: worker.workerId, now, leaseMs: policy.leaseMs };

  for (const due of dueRuns(subscriptions, now, policy.catchUpMinutes)) {
    const claim = await claimRun(db, {
      channel: due.subscription.channel,
      reportDate: due.reportDate,
      scheduledFor: due.scheduledFor,
      ...lease,
    });
    if (claim) outcomes.push(await deliver(worker, claim, due.subscription));
  }

  for (const candidate of await retryCandidates(db, now, policy.maxAttempts, oldestSlot)) {
    const claim = await reclaimRun(db, { ...candidate, ...lease }, policy.maxAttempts);
    if (!claim) continue;
    const subscription = byChannel.get(claim.channel);
    if (subscription) {
      outcomes.push(await deliver(worker, claim, subscription));
    } else {
      await markFailed(db, claim, "the channel unsubscribed before the retry", undefined);
      worker.log.warn({ ...claim }, "digest retry dropped: the channel unsubscribed");
    }
  }
  return { outcomes, expired };
}

/** Composes and posts one claimed run, recording the outcome; never throws. */
async function deliver(worker: DigestWorker, claim: Claim, subscription: Subscription): Promise<RunOutcome> {
  const { db, policy, log } = worker;
  const context = { channel: claim.channel, reportDate: claim.reportDate, attempt: claim.attempt };
  if (await postedByEarlierAttempt(worker, claim, context)) {
    await recordPosted(worker, claim, context);
    log.info(
      context,
      "digest already in the channel from an earlier attempt; recorded without posting again",
    );
    return { ...context, status: "already_posted" };
  }
  try {
    const digest = await composeDigest(
      db,
      { ...worker.content, sections: subscription.sections },
      claim.reportDate,
    );
    await worker.poster.post(claim.channel, digest, claim.reportDate);
  } catch (error) {
    const final = claim.attempt >= policy.maxAttempts;
    const retryAt = final ? undefined : new Date(worker.clock().getTime() + backoffMs(policy, claim.attempt));
    const reason = describeError(error);
    try {
      await markFailed(db, claim, reason, retryAt);
    } catch (markError) {
      // The claim stays "claimed"; its lease expiry brings it back as a retry.
      log.error({ ...context, error: describeError(markError) }, "could not record a digest failure");
    }
    if (final) log.error({ ...context, error: reason }, "digest failed for good after its last attempt");
    else
      log.warn({ ...context, error: reason, retryAt: retryAt?.toISOString() }, "digest failed; will retry");
    return { ...context, status: "failed" };
  }
  await recordPosted(worker, claim, context);
  log.info(context, "digest posted");
  return { ...context, status: "posted" };
}

/**
 * Whether an earlier attempt's post landed though that attempt never learnt it (its response was
 * lost, or it crashed or could not record the outcome before its lease ran out). Only a retry can
 * follow such an attempt. When the channel can't be searched the answer is no: posting the digest
 * twice is better than not posting it.
 */
async function postedByEarlierAttempt(worker: DigestWorker, claim: Claim, context: object): Promise<boolean> {
  if (claim.attempt === 1) return false;
  // Every earlier attempt came after the run's slot, and no run older than giveUpAfterMs is retried.
  const since = new Date(worker.clock().getTime() - worker.policy.giveUpAfterMs - HISTORY_SKEW_MS);
  try {
    return await worker.poster.alreadyPosted(claim.channel, claim.reportDate, since);
  } catch (error) {
    worker.log.warn(
      { ...context, error: describeError(error) },
      "could not look for an earlier attempt's digest in the channel; posting anyway",
    );
    return false;
  }
}

async function recordPosted(worker: DigestWorker, claim: Claim, context: object): Promise<void> {
  try {
    if (!(await markPosted(worker.db, claim, worker.clock()))) {
      worker.log.warn(
        context,
        "digest posted after its claim expired and was taken over: it may appear twice",
      );
    }
  } catch (error) {
    worker.log.error({ ...context, error: describeError(error) }, "digest posted but not recorded as posted");
  }
}

export function backoffMs(policy: DigestRunPolicy, attempt: number): number {
  return Math.min(policy.retryBaseMs * 2 ** (attempt - 1), policy.retryMaxMs);
}
