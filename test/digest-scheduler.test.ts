import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openPostgres } from "../src/core/db/postgres.ts";
import { sqlQuery } from "../src/core/db/sql-files.ts";
import type { Db } from "../src/core/db/types.ts";
import { claimRun } from "../src/core/digest/runs.ts";
import { digestService } from "../src/core/digest/service.ts";
import { subscribe } from "../src/core/digest/subscriptions.ts";
import { DEFAULT_RUN_POLICY } from "../src/core/digest/worker.ts";
import { type DigestPoster, type MinuteTicker, startDigestScheduler } from "../src/digest-scheduler.ts";
import { createMetrics } from "../src/observability/metrics.ts";
import { FakeClock, failingOnce, RecordingLog, RecordingPoster, subscription } from "./core/digest/fakes.ts";
import { startTestSlackApp, type TestSlackApp } from "./handlers/slack-test-app.ts";
import { createTestDb, ENGINES, TEST_PG_URL, type TestDb } from "./harness/db.ts";
import type { FakeSlack } from "./harness/fake-slack.ts";

/** 08:30 in Asia/Kolkata on the 25th. */
const SLOT = "2026-11-25T03:00:00Z";
const CHANNELS = ["C0000001", "C0000002", "C0000003", "C0000004", "C0000005"];

/** A ticker the test fires by hand instead of waiting for the wall clock. */
function manualTicker(): MinuteTicker & { fire(): void; stopped: boolean } {
  let listener: (() => void) | undefined;
  const ticker = Object.assign(
    (onMinute: () => void) => {
      listener = onMinute;
      return {
        stop() {
          ticker.stopped = true;
        },
      };
    },
    { stopped: false, fire: () => listener?.() },
  );
  return ticker;
}

/** A second, independent connection to the same database: another bot replica. */
async function secondReplica(t: TestDb): Promise<{ db: Db; close(): Promise<void> }> {
  const schema = (t.db as Db & { testSchema?: string }).testSchema;
  if (!schema) return { db: t.db, close: async () => {} }; // PGlite: one embedded instance
  const db = await openPostgres(TEST_PG_URL, { schema, max: 4 });
  return { db, close: () => db.close() };
}

describe.each(ENGINES)("digest scheduler on %s", (engine) => {
  let t: TestDb;
  /** The Slack app as the bot runs it; its digest poster talks to `fake`. */
  let slack: TestSlackApp;
  let fake: FakeSlack;
  const metrics = createMetrics({ processMetrics: false });
  beforeAll(async () => {
    t = await createTestDb(engine);
    slack = await startTestSlackApp({ db: t.db, metrics });
    fake = slack.fake;
  });
  beforeEach(async () => {
    fake.reset();
    metrics.digestPosts.reset();
    await t.db.exec("truncate digest_runs, digest_subscriptions");
    for (const channel of CHANNELS) {
      await subscribe(t.db, subscription(channel, "08:30", "Asia/Kolkata"), new Date(SLOT));
    }
  });
  afterAll(async () => {
    await slack.stop();
    await t.dispose();
  });

  const start = (db: Db, clock: FakeClock, workerId: string, poster: DigestPoster) =>
    startDigestScheduler({
      db,
      poster,
      logger: new RecordingLog(),
      settings: { modelPath: "/nonexistent/model.json" },
      service: digestService({ timeZone: "Asia/Kolkata" }),
      clock: clock.now,
      workerId,
      ticker: manualTicker(),
    });

  const postsPerChannel = () => {
    const counts = new Map<string, number>();
    for (const call of fake.callsTo("chat.postMessage")) {
      const channel = String(call.args.channel);
      counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
    return Object.fromEntries(counts);
  };
  const once = Object.fromEntries(CHANNELS.map((c) => [c, 1]));
  const statuses = async () =>
    (
      await t.db.query<{ status: string; n: number }>(
        "select status, count(*)::int as n from digest_runs group by status order by status",
      )
    ).rows;
  const digestPostCounts = async () =>
    Object.fromEntries((await metrics.digestPosts.get()).values.map((v) => [v.labels.outcome, v.value]));

  describe("two replicas racing for the same morning", () => {
    let replica: { db: Db; close(): Promise<void> };
    beforeEach(async () => {
      replica = await secondReplica(t);
    });
    afterEach(() => replica.close());

    it("post each channel's digest exactly once", async () => {
      const clock = new FakeClock(new Date(SLOT));
      const a = start(t.db, clock, "replica-a", slack.slack.digestPoster);
      const b = start(replica.db, clock, "replica-b", slack.slack.digestPoster);
      for (let round = 0; round < 3; round += 1) {
        await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        clock.advance(60_000);
      }
      await Promise.all([a.stop(), b.stop()]);
      expect(postsPerChannel()).toEqual(once);
      expect(await statuses()).toEqual([{ status: "posted", n: CHANNELS.length }]);
      // First attempts have nothing to look for in the channel.
      expect(fake.callsTo("conversations.history")).toEqual([]);
    });

    it("after a crash between claim and post, retry each run once between them", async () => {
      for (const channel of CHANNELS) {
        await claimRun(t.db, {
          channel,
          reportDate: "2026-11-25",
          scheduledFor: new Date(SLOT),
          workerId: "crashed",
          now: new Date(SLOT),
          leaseMs: DEFAULT_RUN_POLICY.leaseMs,
        });
      }
      const clock = new FakeClock(new Date(SLOT));
      const a = start(t.db, clock, "replica-a", slack.slack.digestPoster);
      const b = start(replica.db, clock, "replica-b", slack.slack.digestPoster);
      await Promise.all([a.tick(), b.tick()]);
      expect(fake.callsTo("chat.postMessage")).toEqual([]);

      clock.advance(DEFAULT_RUN_POLICY.leaseMs);
      for (let round = 0; round < 3; round += 1) {
        await Promise.all([a.tick(), b.tick()]);
        clock.advance(60_000);
      }
      await Promise.all([a.stop(), b.stop()]);
      expect(postsPerChannel()).toEqual(once);
      // Each takeover looked for the crashed attempt's post first, found none, and posted.
      expect(fake.callsTo("conversations.history").map((call) => call.args.channel)).toEqual(
        expect.arrayContaining(CHANNELS),
      );
      expect(fake.callsTo("conversations.history")).toHaveLength(CHANNELS.length);
    });
  });

  describe("a post that landed without the bot learning it", () => {
    it("is not posted again when Slack's response was lost", async () => {
      const clock = new FakeClock(new Date(SLOT));
      fake.messageClock = clock.now;
      fake.loseResponses("chat.postMessage", CHANNELS.length);
      const scheduler = start(t.db, clock, "solo", slack.slack.digestPoster);
      await scheduler.tick();
      expect(postsPerChannel()).toEqual(once); // in the channels, though every post failed here
      expect(await statuses()).toEqual([{ status: "failed", n: CHANNELS.length }]);

      clock.advance(60_000);
      await scheduler.tick();
      clock.advance(60 * 60_000);
      await scheduler.tick();
      await scheduler.stop();
      expect(postsPerChannel()).toEqual(once);
      expect(await statuses()).toEqual([{ status: "posted", n: CHANNELS.length }]);
      const history = fake.callsTo("conversations.history");
      expect(history).toHaveLength(CHANNELS.length);
      expect(history[0]?.args).toMatchObject({ include_all_metadata: "true", limit: "200" });
      expect(Number(history[0]?.args.oldest)).toBeLessThan(new Date(SLOT).getTime() / 1000);
      expect(await digestPostCounts()).toEqual({ failed: CHANNELS.length, already_posted: CHANNELS.length });
    });

    it("is not posted again when recording it failed and its claim was taken over", async () => {
      const clock = new FakeClock(new Date(SLOT));
      fake.messageClock = clock.now;
      const scheduler = start(
        failingOnce(t.db, sqlQuery("digest_run_posted")),
        clock,
        "solo",
        slack.slack.digestPoster,
      );
      await scheduler.tick();
      expect(await statuses()).toEqual([
        { status: "claimed", n: 1 },
        { status: "posted", n: CHANNELS.length - 1 },
      ]);

      clock.advance(DEFAULT_RUN_POLICY.leaseMs);
      await scheduler.tick();
      await scheduler.stop();
      expect(postsPerChannel()).toEqual(once);
      expect(await statuses()).toEqual([{ status: "posted", n: CHANNELS.length }]);
      expect(fake.callsTo("conversations.history")).toHaveLength(1);
      expect(await digestPostCounts()).toEqual({ posted: CHANNELS.length, already_posted: 1 });
    });
  });

  it("delivers a complete digest through the Slack Web API", async () => {
    const clock = new FakeClock(new Date(SLOT));
    const scheduler = start(t.db, clock, "solo", slack.slack.digestPoster);
    await scheduler.tick();
    await scheduler.stop();
    const post = fake.callsTo("chat.postMessage").find((call) => call.args.channel === CHANNELS[0]);
    const blocks = JSON.stringify(post?.args.blocks);
    expect(post?.args.metadata).toEqual({
      event_type: "blinkit_digest",
      event_payload: { report_date: "2026-11-25" },
    });
    expect(blocks).toContain("Morning digest — 2026-11-25");
    expect(blocks).toContain("There is no order or marketing data loaded yet.");
    expect(blocks).toContain("Today's delivery-delay hotspots");
  });

  it("ticks once at start and then on every minute, without overlapping", async () => {
    await t.db.exec("truncate digest_subscriptions");
    const poster = new RecordingPoster();
    const ticker = manualTicker();
    const clock = new FakeClock(new Date("2026-11-25T02:58:00Z"));
    const scheduler = startDigestScheduler({
      db: t.db,
      poster,
      logger: new RecordingLog(),
      settings: { modelPath: "/nonexistent/model.json" },
      service: digestService({ channel: "#kpis", time: "08:30", timeZone: "Asia/Kolkata" }),
      clock: clock.now,
      ticker,
    });
    const first = scheduler.tick();
    expect(scheduler.tick()).toBe(first); // the start-up tick is still running: no second one
    await first;
    expect(poster.posts).toEqual([]);

    clock.set(SLOT);
    ticker.fire();
    await scheduler.tick();
    expect(poster.channels()).toEqual(["#kpis"]);

    await scheduler.stop();
    expect(ticker.stopped).toBe(true);
    expect(await scheduler.tick()).toBeUndefined();
  });

  it("logs a failing tick and keeps going", async () => {
    const log = new RecordingLog();
    const broken = { ...t.db, query: async () => Promise.reject(new Error("connection refused")) } as Db;
    const scheduler = startDigestScheduler({
      db: broken,
      poster: new RecordingPoster(),
      logger: log,
      settings: { modelPath: "/nonexistent/model.json" },
      service: digestService({ timeZone: "UTC" }),
      ticker: manualTicker(),
    });
    expect(await scheduler.tick()).toBeUndefined();
    await scheduler.stop();
    expect(log.at("error")).toContain("digest tick failed; the next minute tries again");
  });
});
