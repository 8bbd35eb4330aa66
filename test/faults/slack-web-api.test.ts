import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.ts";
import { fakeRegistry, unreachableDb } from "../handlers/fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { postEvent, postSlashCommand, TEST_SIGNING_SECRET } from "../harness/signed-request.ts";

describe("Slack Web API failures", () => {
  let slack: TestSlackApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(),
      claims: { claim: async () => true },
      logger: pino({ level: "info" }, stream),
      metrics: createMetrics({ processMetrics: false }),
    });
  });
  afterAll(() => slack?.stop());
  beforeEach(() => {
    slack.fake.reset();
    logLines.length = 0;
  });

  const echo = (text: string) => {
    const url = slack.fake.responseUrl();
    return {
      url,
      ack: postSlashCommand(slack.url, TEST_SIGNING_SECRET, { command: "/echo", text, response_url: url }),
    };
  };

  it("waits out a 429 for its Retry-After and then posts the answer once", async () => {
    slack.fake.rateLimit("chat.postMessage", 1, 1);
    const { ack } = echo("after the limit");
    expect((await ack).status).toBe(200);
    const post = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage")[0], 10_000);
    expect(JSON.stringify(post.args.blocks)).toContain("after the limit");
    const limited = slack.fake.rateLimited[0];
    expect(limited?.method).toBe("chat.postMessage");
    const postedAt = slack.fake.callTimes[slack.fake.calls.indexOf(post)] ?? 0;
    expect(postedAt - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
    // Nothing told the user it failed: it didn't.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(1);
    expect(slack.fake.responses).toEqual([]);
  });

  it.each([
    ["missing_scope", /an admin should reinstall it from manifest\.yml/],
    ["invalid_auth", /reinstall the app and update SLACK_BOT_TOKEN/],
    ["token_revoked", /reinstall the app and update SLACK_BOT_TOKEN/],
  ])("tells the asker and the log what to do about %s", async (code, advice) => {
    slack.fake.failWith("chat.postMessage", code);
    const { url } = echo("blocked");
    const [reply] = await slack.fake.waitFor(() => {
      const replies = slack.fake.responsesTo(url);
      return replies.length > 0 && replies;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toMatch(advice);
    const logged = await slack.fake.waitFor(() => logLines.find((line) => line.includes(`"code":"${code}"`)));
    expect(JSON.parse(logged).hint).toMatch(advice);
  });

  it.each(["not_in_channel", "channel_not_found"])(
    "falls back to the response_url when posting fails with %s, and says to invite the bot",
    async (code) => {
      slack.fake.failWith("chat.postMessage", code);
      const { url } = echo("through response_url");
      const [reply] = await slack.fake.waitFor(() => {
        const replies = slack.fake.responsesTo(url);
        return replies.length > 0 && replies;
      });
      expect(reply?.body.response_type).toBe("in_channel");
      expect(JSON.stringify(reply?.body)).toContain("through response_url");
      expect(JSON.stringify(reply?.body)).toContain("/invite me");
    },
  );

  it("answers a mention privately with the advice when the channel post is refused", async () => {
    slack.fake.failWith("chat.postMessage", "missing_scope");
    await postEvent(slack.url, TEST_SIGNING_SECRET, {
      type: "app_mention",
      user: "U7",
      text: "<@UBOT> echo scoped",
      channel: "C9",
      ts: "1700000000.000200",
    });
    const note = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postEphemeral")[0]);
    expect(note.args).toMatchObject({ channel: "C9", user: "U7" });
    expect(String(note.args.text)).toMatch(/reinstall it from manifest\.yml/);
  });
});
