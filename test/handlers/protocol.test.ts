import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  postSigned,
  postSlashCommand,
  slackSignature,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from "../harness/signed-request.ts";
import { fakeRegistry, unreachableDb } from "./fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "./slack-test-app.ts";

const FORM = "application/x-www-form-urlencoded";

describe("request verification on the HTTP receiver", () => {
  let slack: TestSlackApp;
  beforeAll(async () => {
    slack = await startTestSlackApp({ db: unreachableDb, registry: fakeRegistry() });
  });
  afterAll(() => slack?.stop());
  beforeEach(() => slack.fake.reset());

  const body = () =>
    slashCommandBody({ command: "/echo", text: "hi", response_url: slack.fake.responseUrl() });
  const nothingReachedSlack = () => {
    expect(slack.fake.calls).toEqual([]);
    expect(slack.fake.responses).toEqual([]);
  };

  it("answers a correctly signed request", async () => {
    const url = slack.fake.responseUrl();
    const response = await postSlashCommand(slack.url, TEST_SIGNING_SECRET, {
      command: "/echo",
      text: "hi",
      response_url: url,
    });
    expect(response.status).toBe(200);
    const post = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage")[0]);
    expect(JSON.stringify(post.args.blocks)).toContain("hi");
  });

  it("rejects a signature made with another secret with 401", async () => {
    const response = await postSigned(slack.url, "some-other-secret-123", body(), FORM);
    expect(response.status).toBe(401);
    nothingReachedSlack();
  });

  it("rejects a body changed after signing with 401", async () => {
    const original = body();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(TEST_SIGNING_SECRET, timestamp, original);
    const tampered = original.replace("text=hi", "text=bye");
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, tampered, FORM, {
      timestamp,
      signature,
    });
    expect(response.status).toBe(401);
    nothingReachedSlack();
  });

  it("rejects a correctly signed request older than five minutes (replay) with 401", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 5 * 60 - 5;
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, body(), FORM, { timestamp });
    expect(response.status).toBe(401);
    nothingReachedSlack();
  });

  it("rejects a request without a signature with 401", async () => {
    const response = await fetch(slack.url, {
      method: "POST",
      headers: { "content-type": FORM },
      body: body(),
    });
    expect(response.status).toBe(401);
    nothingReachedSlack();
  });
});
