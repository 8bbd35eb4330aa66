import { sqlQuery } from "../db/sql-files.ts";
import type { Db, Queryable } from "../db/types.ts";

/** A run this worker holds: it alone may post it, while `attempt` is the row's current one. */
export interface Claim {
  id: number;
  channel: string;
  reportDate: string;
  /** 1 for the first try; also the fencing token for marking the outcome. */
  attempt: number;
}

export interface ClaimRequest {
  channel: string;
  reportDate: string;
  scheduledFor: Date;
  workerId: string;
  now: Date;
  /** How long the claim is presumed alive; after it another worker may take the run over. */
  leaseMs: number;
}

type ClaimRow = { id: number; attempts: number };

/**
 * Claims a digest run inside one transaction: the insert either creates the (channel, date) row
 * — this worker posts — or hits the unique key and returns nothing — someone else has it.
 */
export async function claimRun(db: Db, request: ClaimRequest): Promise<Claim | undefined> {
  const rows = await db.transaction(async (tx) => {
    const result = await tx.query<ClaimRow>(sqlQuery("digest_run_claim"), [
      request.channel,
      request.reportDate,
      request.workerId,
      request.now,
      request.scheduledFor,
      new Date(request.now.getTime() + request.leaseMs),
    ]);
    return result.rows;
  });
  return toClaim(request, rows[0]);
}

/**
 * Takes over a run that failed (retry due) or whose worker vanished (lease expired), if it has
 * attempts left. Exactly one of several racing workers gets it.
 */
export async function reclaimRun(
  db: Db,
  request: Omit<ClaimRequest, "scheduledFor">,
  maxAttempts: number,
): Promise<Claim | undefined> {
  const rows = await db.transaction(async (tx) => {
    const result = await tx.query<ClaimRow>(sqlQuery("digest_run_reclaim"), [
      request.channel,
      request.reportDate,
      request.workerId,
      request.now,
      new Date(request.now.getTime() + request.leaseMs),
      maxAttempts,
    ]);
    return result.rows;
  });
  return toClaim(request, rows[0]);
}

function toClaim(
  request: { channel: string; reportDate: string },
  row: ClaimRow | undefined,
): Claim | undefined {
  if (!row) return undefined;
  return {
    id: Number(row.id),
    channel: request.channel,
    reportDate: request.reportDate,
    attempt: row.attempts,
  };
}

export interface RetryCandidate {
  channel: string;
  reportDate: string;
  scheduledFor: Date;
}

export async function retryCandidates(
  db: Queryable,
  now: Date,
  maxAttempts: number,
  oldestSlot: Date,
): Promise<RetryCandidate[]> {
  const { rows } = await db.query<{ channel: string; report_date: string; scheduled_for: Date }>(
    sqlQuery("digest_runs_retryable"),
    [now, maxAttempts, oldestSlot],
  );
  return rows.map((row) => ({
    channel: row.channel,
    reportDate: row.report_date,
    scheduledFor: new Date(row.scheduled_for),
  }));
}

/** False when the claim was lost meanwhile (its lease expired and another worker took over). */
export async function markPosted(db: Queryable, claim: Claim, now: Date): Promise<boolean> {
  const { rows } = await db.query(sqlQuery("digest_run_posted"), [claim.id, claim.attempt, now]);
  return rows.length > 0;
}

/** `retryAt` undefined means the failure is final. */
export async function markFailed(
  db: Queryable,
  claim: Claim,
  error: string,
  retryAt: Date | undefined,
): Promise<boolean> {
  const { rows } = await db.query(sqlQuery("digest_run_failed"), [
    claim.id,
    claim.attempt,
    error,
    retryAt ?? null,
  ]);
  return rows.length > 0;
}

export interface ExpiredRun {
  channel: string;
  reportDate: string;
  attempts: number;
}

/** Gives up for good on unfinished runs scheduled before `cutoff`. */
export async function expireRuns(
  db: Queryable,
  cutoff: Date,
  reason: string,
  now: Date,
): Promise<ExpiredRun[]> {
  const { rows } = await db.query<{ channel: string; report_date: string; attempts: number }>(
    sqlQuery("digest_run_expire"),
    [cutoff, reason, now],
  );
  return rows.map((row) => ({ channel: row.channel, reportDate: row.report_date, attempts: row.attempts }));
}

export interface LatestRun {
  channel: string;
  reportDate: string;
  status: "claimed" | "posted" | "failed";
  attempts: number;
  postedAt: Date | null;
  lastError: string | null;
}

export async function latestRuns(db: Queryable): Promise<Map<string, LatestRun>> {
  const { rows } = await db.query<{
    channel: string;
    report_date: string;
    status: LatestRun["status"];
    attempts: number;
    posted_at: Date | null;
    last_error: string | null;
  }>(sqlQuery("digest_runs_latest"));
  return new Map(
    rows.map((row) => [
      row.channel,
      {
        channel: row.channel,
        reportDate: row.report_date,
        status: row.status,
        attempts: row.attempts,
        postedAt: row.posted_at,
        lastError: row.last_error,
      },
    ]),
  );
}
