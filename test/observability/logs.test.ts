import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.ts";
import { fakeRegistry, unreachableDb } from "../handlers/fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { postEvent, postSigned, postSlashCommand, slashCommandBody } from "../harness/signed-request.ts";

const BOT_TOKEN = "xoxb-1111-2222-SECRETBOTTOKEN";
const SIGNING_SECRET = "signing-SECRET-abcdef0123456789";
const GROQ_KEY = "gsk_SECRETGROQKEY0123456789";
const VERIFICATION_TOKEN = "legacy-verification-token";
const SECRETS = [BOT_TOKEN, SIGNING_SECRET, GROQ_KEY, VERIFICATION_TOKEN];

interface LogLine {
  msg: string;
  [key: string]: unknown;
}

/**
 * The app's logger at its most talkative level and without pino's redaction, writing to memory:
 * a secret handed to the logger in any form (field, message, error) shows up here.
 */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: "trace", base: undefined }, stream), lines };
}

describe("structured request logs", () => {
  let slack: TestSlackApp;
  const captured = capturingLogger();

  beforeAll(async () => {
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(),
      logger: captured.logger,
      metrics: createMetrics({ processMetrics: false }),
      env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, GROQ_API_KEY: GROQ_KEY },
      settings: { groq: { apiKey: GROQ_KEY, model: "llama-3.1-8b-instant" } },
    });
    // A successful command, an event, a delivery Slack refuses, a forged request, a bad body.
    await postSlashCommand(slack.url, SIGNING_SECRET, {
      command: "/echo",
      text: "hello",
      response_url: slack.fake.responseUrl(),
    });
    await postEvent(slack.url, SIGNING_SECRET, {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> echo mentioned",
      channel: "C1",
      ts: "1700000000.000100",
    });
    await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage").length >= 2);
    slack.fake.failWith("chat.postMessage", "invalid_auth");
    await postSlashCommand(slack.url, SIGNING_SECRET, {
      command: "/echo",
      text: "refused",
      response_url: slack.fake.responseUrl(),
    });
    await slack.fake.waitFor(() => slack.fake.responses.length > 0);
    await postSigned(
      slack.url,
      "forged-secret-000000",
      slashCommandBody({ command: "/echo", response_url: "x" }),
      "application/x-www-form-urlencoded",
    );
    await postSigned(slack.url, SIGNING_SECRET, "{not json", "application/json");
    await slack.fake.waitFor(
      () => captured.lines.filter((line) => line.includes('"slack request"')).length >= 3,
    );
  });
  afterAll(() => slack?.stop());

  const parsed = (): LogLine[] => captured.lines.map((line) => JSON.parse(line) as LogLine);

  it("writes one line per request with request id, command, duration and outcome", () => {
    const requests = parsed().filter((line) => line.msg === "slack request");
    expect(requests.map((line) => [line.kind, line.command, line.outcome])).toEqual(
      expect.arrayContaining([
        ["command", "/echo", "answered"],
        ["event", "/echo", "answered"],
        ["command", "/echo", "failed"],
      ]),
    );
    for (const line of requests) {
      expect(line.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(typeof line.durationMs).toBe("number");
    }
    expect(new Set(requests.map((line) => line.requestId)).size).toBe(requests.length);
  });

  it("never writes a token, key or secret, whatever happened", () => {
    expect(captured.lines.length).toBeGreaterThan(5);
    const all = captured.lines.join("\n");
    for (const secret of SECRETS) expect(all).not.toContain(secret);
  });
});
