import { webApi } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../src/core/commands/answer.ts";
import { openPostgres } from "../src/core/db/postgres.ts";
import type { Db } from "../src/core/db/types.ts";
import { claimRun } from "../src/core/digest/runs.ts";
import { digestService } from "../src/core/digest/service.ts";
import { subscribe } from "../src/core/digest/subscriptions.ts";
import { DEFAULT_RUN_POLICY } from "../src/core/digest/worker.ts";
import { type DigestPoster, type MinuteTicker, startDigestScheduler } from "../src/digest-scheduler.ts";
import { renderAnswer } from "../src/handlers/blocks/answer-blocks.ts";
import { FakeClock, RecordingLog, RecordingPoster, subscription } from "./core/digest/fakes.ts";
import { createTestDb, ENGINES, TEST_PG_URL, type TestDb } from "./harness/db.ts";
import { FakeSlack } from "./harness/fake-slack.ts";

/** 08:30 in Asia/Kolkata on the 25th. */
const SLOT = "2026-11-25T03:00:00Z";
const CHANNELS = ["C0000001", "C0000002", "C0000003", "C0000004", "C0000005"];

/** Posts through Slack's real Web API client to the fake Slack server, rendered as Block Kit. */
function slackPoster(fake: FakeSlack): DigestPoster {
  const client = new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  return {
    async post(channel: string, answer: Answer) {
      await client.chat.postMessage({ channel, ...renderAnswer(answer) });
    },
  };
}

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
  let fake: FakeSlack;
  beforeAll(async () => {
    t = await createTestDb(engine);
    fake = await FakeSlack.start();
  });
  beforeEach(async () => {
    fake.reset();
    await t.db.exec("truncate digest_runs, digest_subscriptions");
    for (const channel of CHANNELS) {
      await subscribe(t.db, subscription(channel, "08:30", "Asia/Kolkata"), new Date(SLOT));
    }
  });
  afterAll(async () => {
    await fake.close();
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

  describe("two replicas racing for the same morning", () => {
    let replica: { db: Db; close(): Promise<void> };
    beforeEach(async () => {
      replica = await secondReplica(t);
    });
    afterEach(() => replica.close());

    it("post each channel's digest exactly once", async () => {
      const clock = new FakeClock(new Date(SLOT));
      const a = start(t.db, clock, "replica-a", slackPoster(fake));
      const b = start(replica.db, clock, "replica-b", slackPoster(fake));
      for (let round = 0; round < 3; round += 1) {
        await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        clock.advance(60_000);
      }
      await Promise.all([a.stop(), b.stop()]);
      expect(postsPerChannel()).toEqual(once);
      const { rows } = await t.db.query<{ status: string; n: number }>(
        "select status, count(*)::int as n from digest_runs group by status",
      );
      expect(rows).toEqual([{ status: "posted", n: CHANNELS.length }]);
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
      const a = start(t.db, clock, "replica-a", slackPoster(fake));
      const b = start(replica.db, clock, "replica-b", slackPoster(fake));
      await Promise.all([a.tick(), b.tick()]);
      expect(fake.callsTo("chat.postMessage")).toEqual([]);

      clock.advance(DEFAULT_RUN_POLICY.leaseMs);
      for (let round = 0; round < 3; round += 1) {
        await Promise.all([a.tick(), b.tick()]);
        clock.advance(60_000);
      }
      await Promise.all([a.stop(), b.stop()]);
      expect(postsPerChannel()).toEqual(once);
    });
  });

  it("delivers a complete digest through the Slack Web API", async () => {
    const clock = new FakeClock(new Date(SLOT));
    const scheduler = start(t.db, clock, "solo", slackPoster(fake));
    await scheduler.tick();
    await scheduler.stop();
    const post = fake.callsTo("chat.postMessage").find((call) => call.args.channel === CHANNELS[0]);
    const blocks = JSON.stringify(post?.args.blocks);
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
