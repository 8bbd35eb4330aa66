import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answer } from "../../../src/core/commands/answer.ts";
import {
  botIdOf,
  DIGEST_EVENT_TYPE,
  digestMetadata,
  findDigestMessage,
} from "../../../src/handlers/delivery/digest-poster.ts";
import { createMetrics } from "../../../src/observability/metrics.ts";
import { FAKE_BOT, type PostedMessage } from "../../harness/fake-slack.ts";
import { fakeRegistry, unreachableDb } from "../fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../slack-test-app.ts";

const SINCE = new Date("2026-11-24T14:00:00Z");
const seconds = (iso: string) => (new Date(iso).getTime() / 1000).toFixed(6);

describe("finding the digest an earlier attempt posted", () => {
  const metrics = createMetrics({ processMetrics: false });
  let slack: TestSlackApp;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slack = await startTestSlackApp({ db: unreachableDb, registry: fakeRegistry(), metrics });
    client = new webApi.WebClient("xoxb-test", {
      slackApiUrl: slack.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
  });
  afterAll(() => slack?.stop());
  beforeEach(() => {
    slack.fake.reset();
    metrics.digestPosts.reset();
    metrics.slackApiErrors.reset();
  });

  /** A message already in the channel, by default the bot's digest for the 25th at 03:00 UTC. */
  const inChannel = (overrides: Partial<PostedMessage> = {}) =>
    slack.fake.messages.push({
      channel: "C1",
      ts: seconds("2026-11-25T03:00:00Z"),
      text: "Morning digest",
      bot_id: FAKE_BOT.botId,
      user: FAKE_BOT.userId,
      metadata: digestMetadata("2026-11-25"),
      ...overrides,
    });
  const find = (reportDate = "2026-11-25") =>
    findDigestMessage(client, { channel: "C1", reportDate, since: SINCE, botId: FAKE_BOT.botId });

  it("finds only this bot's digest for that date, in that channel, inside the window", async () => {
    expect(await find()).toBe(false);
    inChannel({ bot_id: "BOTHER" }); // another app copying our metadata
    inChannel({ channel: "C2" });
    inChannel({ metadata: digestMetadata("2026-11-24") }); // yesterday's digest
    inChannel({ metadata: { event_type: "something_else", event_payload: { report_date: "2026-11-25" } } });
    inChannel({ metadata: undefined });
    inChannel({ ts: seconds("2026-11-24T13:59:00Z") }); // older than the window
    expect(await find()).toBe(false);

    inChannel();
    expect(await find()).toBe(true);
    expect(await find("2026-11-26")).toBe(false);
  });

  it("reads a second page, and says it cannot tell past that", async () => {
    inChannel();
    for (let i = 0; i < 250; i += 1) inChannel({ ts: seconds("2026-11-25T04:00:00Z"), metadata: undefined });
    expect(await find()).toBe(true);
    expect(slack.fake.callsTo("conversations.history").map((call) => call.args.cursor)).toEqual([
      undefined,
      "200",
    ]);

    for (let i = 0; i < 200; i += 1) inChannel({ ts: seconds("2026-11-25T05:00:00Z"), metadata: undefined });
    await expect(find()).rejects.toThrow(/more than 400 messages since 2026-11-24T14:00:00.000Z/);
  });

  it("the Slack app's poster tags each digest and counts a found one; a refused check is an error", async () => {
    const poster = slack.slack.digestPoster;
    await poster.post("C1", answer("digest", "Morning digest — 2026-11-25"), "2026-11-25");
    expect(slack.fake.callsTo("chat.postMessage")[0]?.args.metadata).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { report_date: "2026-11-25" },
    });
    // The fake's messages default to 2023 timestamps: search from before them.
    expect(await poster.alreadyPosted("C1", "2026-11-25", new Date("2023-01-01T00:00:00Z"))).toBe(true);

    slack.fake.failWith("conversations.history", "missing_scope");
    await expect(poster.alreadyPosted("C1", "2026-11-25", SINCE)).rejects.toThrow(/missing_scope/);
    const outcomes = (await metrics.digestPosts.get()).values.map((v) => [v.labels.outcome, v.value]);
    expect(outcomes).toEqual([
      ["posted", 1],
      ["already_posted", 1],
    ]);
    const errors = (await metrics.slackApiErrors.get()).values.map((v) => [v.labels.code, v.value]);
    expect(errors).toEqual([["missing_scope", 1]]);
  });

  it("asks Slack who the bot is once, and again after a failed try", async () => {
    const botId = botIdOf(client);
    slack.fake.failWith("auth.test", "invalid_auth");
    await expect(botId()).rejects.toThrow(/invalid_auth/);
    slack.fake.reset();
    expect(await botId()).toBe(FAKE_BOT.botId);
    expect(await botId()).toBe(FAKE_BOT.botId);
    expect(slack.fake.callsTo("auth.test")).toHaveLength(1);
    expect(await botIdOf(client, "BGIVEN")()).toBe("BGIVEN");
    expect(slack.fake.callsTo("auth.test")).toHaveLength(1);
  });
});
