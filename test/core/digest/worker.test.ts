import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sqlQuery } from "../../../src/core/db/sql-files.ts";
import { claimRun } from "../../../src/core/digest/runs.ts";
import { subscribe, unsubscribe } from "../../../src/core/digest/subscriptions.ts";
import { DEFAULT_RUN_POLICY, runDigestTick } from "../../../src/core/digest/worker.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { FakeClock, failingOnce, fakeWorker, subscription } from "./fakes.ts";

const MINUTE = 60_000;
/** 08:30 in Asia/Kolkata on the 25th. */
const SLOT = "2026-11-25T03:00:00Z";

describe.each(ENGINES)("digest worker on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  beforeEach(async () => {
    await t.db.exec("truncate digest_runs, digest_subscriptions");
  });
  afterAll(() => t.dispose());

  const subscribeKolkata = (channel = "CSALES", localTime = "08:30") =>
    subscribe(t.db, { ...subscription(channel, localTime, "Asia/Kolkata") }, new Date(SLOT));

  /** The CSALES run of the 25th, as `runs()` shows it. */
  const salesRun = (status: string, attempts: number) => [
    { channel: "CSALES", report_date: "2026-11-25", status, attempts },
  ];

  async function runs() {
    const { rows } = await t.db.query<{
      channel: string;
      report_date: string;
      status: string;
      attempts: number;
    }>("select channel, report_date, status, attempts from digest_runs order by channel, report_date");
    return rows;
  }

  it("posts a due digest once, however often it ticks in the window", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date("2026-11-25T02:59:00Z"));
    const worker = fakeWorker(t.db, clock);
    await runDigestTick(worker);
    expect(worker.poster.posts).toEqual([]);
    for (const minutes of [1, 1, 0, 10, 60]) {
      clock.advance(minutes * MINUTE);
      await runDigestTick(worker);
    }
    expect(worker.poster.channels()).toEqual(["CSALES"]);
    expect(worker.poster.posts[0]?.answer.title).toBe("Morning digest — 2026-11-25");
    expect(await runs()).toEqual(salesRun("posted", 1));
    expect(worker.log.at("info")).toEqual(["digest posted"]);
    expect(worker.poster.posts[0]?.reportDate).toBe("2026-11-25");
    // Nothing can have been posted before a first attempt: the channel is not searched.
    expect(worker.poster.checks).toEqual([]);
  });

  it("catches up on a slot missed while down, once, but not after the window", async () => {
    await subscribeKolkata();
    // Started at 09:10 IST: 40 minutes after the slot, inside the default 180-minute window.
    const clock = new FakeClock(new Date("2026-11-25T03:40:00Z"));
    const worker = fakeWorker(t.db, clock);
    await runDigestTick(worker);
    clock.advance(MINUTE);
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);

    // Next day the bot starts at 12:00 IST, past a 60-minute window: that morning is skipped.
    const late = fakeWorker(t.db, new FakeClock(new Date("2026-11-26T06:30:00Z")), {
      policy: { ...DEFAULT_RUN_POLICY, catchUpMinutes: 60 },
    });
    await runDigestTick(late);
    expect(late.poster.posts).toEqual([]);
  });

  it("applies subscription changes on the next tick, without a restart", async () => {
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock);
    await runDigestTick(worker);
    expect(worker.poster.posts).toEqual([]);

    await subscribeKolkata("CSALES", "08:31");
    clock.advance(MINUTE);
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);

    // Moved to 09:00 for tomorrow, then unsubscribed before it: nothing more is posted.
    await subscribeKolkata("CSALES", "09:00");
    await unsubscribe(t.db, "CSALES");
    clock.set("2026-11-26T03:30:00Z");
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);
  });

  it("posts to the configured default channel without a table row", async () => {
    const worker = fakeWorker(t.db, new FakeClock(new Date(SLOT)), {
      defaultSubscription: { ...subscription("#kpis", "08:30", "Asia/Kolkata"), source: "config" },
    });
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["#kpis"]);
  });

  it("retries a failed post after its backoff and posts it once", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock);
    worker.poster.failNext = 1;
    await runDigestTick(worker);
    expect(await runs()).toEqual(salesRun("failed", 1));
    expect(worker.log.at("warn")).toEqual(["digest failed; will retry"]);

    clock.advance(30_000); // backoff is 1 minute: too early
    await runDigestTick(worker);
    expect(worker.poster.posts).toEqual([]);

    clock.advance(30_000);
    await runDigestTick(worker);
    clock.advance(MINUTE);
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);
    expect(await runs()).toEqual(salesRun("posted", 2));
    // The retry looked for the first attempt's post, found none, and posted.
    expect(worker.poster.checks.map((check) => check.reportDate)).toEqual(["2026-11-25"]);
    expect(worker.log.at("info")).toEqual(["digest posted"]);
  });

  it("does not post again when the failed attempt's post landed after all", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock);
    worker.poster.loseNext = 1; // in the channel, but the bot saw an error
    await runDigestTick(worker);
    expect(await runs()).toEqual(salesRun("failed", 1));

    clock.advance(MINUTE);
    const report = await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);
    expect(report.outcomes).toEqual([
      { channel: "CSALES", reportDate: "2026-11-25", attempt: 2, status: "already_posted" },
    ]);
    expect(await runs()).toEqual(salesRun("posted", 2));
    expect(worker.log.at("info")).toEqual([
      "digest already in the channel from an earlier attempt; recorded without posting again",
    ]);
    // The search reaches back past the first attempt, to cover the oldest run still retried.
    const since = worker.poster.checks[0]?.since.getTime() ?? Number.NaN;
    expect(since).toBeLessThanOrEqual(new Date(SLOT).getTime() - DEFAULT_RUN_POLICY.giveUpAfterMs + MINUTE);

    clock.advance(60 * MINUTE);
    await runDigestTick(worker);
    expect(worker.poster.posts).toHaveLength(1);
  });

  it("does not post again when a landed post could not be recorded and its claim is taken over", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(failingOnce(t.db, sqlQuery("digest_run_posted")), clock);
    await runDigestTick(worker);
    expect(worker.log.at("error")).toEqual(["digest posted but not recorded as posted"]);
    expect(await runs()).toEqual(salesRun("claimed", 1));

    clock.advance(DEFAULT_RUN_POLICY.leaseMs);
    await runDigestTick(worker);
    expect(worker.poster.channels()).toEqual(["CSALES"]);
    expect(await runs()).toEqual(salesRun("posted", 2));
  });

  it("posts anyway, with a warning, when the channel cannot be searched", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock);
    worker.poster.loseNext = 1;
    worker.poster.checkError = new Error("An API error occurred: missing_scope");
    await runDigestTick(worker);
    clock.advance(MINUTE);
    const report = await runDigestTick(worker);
    // At least once: without the check the landed post is repeated rather than risk none.
    expect(worker.poster.channels()).toEqual(["CSALES", "CSALES"]);
    expect(report.outcomes.map((outcome) => outcome.status)).toEqual(["posted"]);
    expect(worker.log.at("warn")).toEqual([
      "digest failed; will retry",
      "could not look for an earlier attempt's digest in the channel; posting anyway",
    ]);
    const warning = worker.log.lines.find((line) => line.message.startsWith("could not look"));
    expect(warning?.fields).toMatchObject({ attempt: 2, error: expect.stringContaining("missing_scope") });
    expect(await runs()).toEqual(salesRun("posted", 2));
  });

  it("gives up after the last attempt, marks the run failed and logs it", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock, { policy: { ...DEFAULT_RUN_POLICY, maxAttempts: 3 } });
    worker.poster.failNext = 100;
    for (let minute = 0; minute < 30; minute += 1) {
      await runDigestTick(worker);
      clock.advance(MINUTE);
    }
    expect(worker.poster.posts).toEqual([]);
    // Tries at 08:30, 08:31 (+1 min) and 08:33 (+2 min), then stops.
    expect(worker.poster.failNext).toBe(97);
    expect(await runs()).toEqual(salesRun("failed", 3));
    expect(worker.log.at("error")).toEqual(["digest failed for good after its last attempt"]);
    const { rows } = await t.db.query<{ last_error: string; next_attempt_at: Date | null }>(
      "select last_error, next_attempt_at from digest_runs",
    );
    expect(rows[0]).toEqual({ last_error: "Slack said: service_unavailable", next_attempt_at: null });
  });

  it("after a crash between claim and post, posts once when the claim's lease expires", async () => {
    await subscribeKolkata();
    // A worker claimed the run at 08:30 and died before posting.
    await claimRun(t.db, {
      channel: "CSALES",
      reportDate: "2026-11-25",
      scheduledFor: new Date(SLOT),
      workerId: "crashed-worker",
      now: new Date(SLOT),
      leaseMs: DEFAULT_RUN_POLICY.leaseMs,
    });
    const clock = new FakeClock(new Date("2026-11-25T03:05:00Z"));
    const restarted = fakeWorker(t.db, clock);
    await runDigestTick(restarted);
    expect(restarted.poster.posts).toEqual([]); // the lease (10 min) still protects the claim

    clock.set("2026-11-25T03:10:00Z");
    await runDigestTick(restarted);
    clock.advance(MINUTE);
    await runDigestTick(restarted);
    expect(restarted.poster.channels()).toEqual(["CSALES"]);
    expect(await runs()).toEqual(salesRun("posted", 2));
  });

  it("gives up on an unfinished run that is too old, saying so in the log", async () => {
    await subscribeKolkata();
    const clock = new FakeClock(new Date(SLOT));
    const worker = fakeWorker(t.db, clock);
    worker.poster.failNext = 1;
    await runDigestTick(worker);
    // The bot was down all day; next morning's first tick finds yesterday's failed run.
    clock.set("2026-11-26T02:00:00Z");
    const report = await runDigestTick(worker);
    expect(report.expired).toEqual([{ channel: "CSALES", reportDate: "2026-11-25", attempts: 1 }]);
    expect(worker.poster.posts).toEqual([]);
    expect(worker.log.at("error")).toEqual(["digest not posted: gave up after its retries ran out of time"]);
  });
});
