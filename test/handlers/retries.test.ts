import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, ENGINES, type TestDb } from "../harness/db.ts";
import {
  freshTriggerId,
  postEvent,
  postSigned,
  postSlashCommand,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from "../harness/signed-request.ts";
import { fakeRegistry } from "./fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "./slack-test-app.ts";

const mention = (text: string) => ({
  type: "app_mention",
  user: "U1",
  text: `<@UBOT> ${text}`,
  channel: "C1",
  ts: `${Date.now() / 1000}`,
  event_ts: `${Date.now() / 1000}`,
});

/** Lets late duplicates arrive: a second answer, if any, would be posted within this time. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.each(ENGINES)("Slack retries and replays are answered once (%s)", (engine) => {
  let t: TestDb;
  let first: TestSlackApp;
  let second: TestSlackApp;

  beforeAll(async () => {
    t = await createTestDb(engine);
    // Two replicas of the bot over one database, as behind a load balancer.
    first = await startTestSlackApp({ db: t.db, registry: fakeRegistry() });
    second = await startTestSlackApp({ db: t.db, registry: fakeRegistry() });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await t?.dispose();
  });
  beforeEach(() => {
    first.fake.reset();
    second.fake.reset();
  });

  const posts = () => [...first.fake.callsTo("chat.postMessage"), ...second.fake.callsTo("chat.postMessage")];

  it("answers an event once when Slack retries it (X-Slack-Retry-Num)", async () => {
    const event = mention("echo retried");
    const original = await postEvent(first.url, TEST_SIGNING_SECRET, event, { eventId: "EvRETRY1" });
    const retry = await postEvent(first.url, TEST_SIGNING_SECRET, event, {
      eventId: "EvRETRY1",
      retryNum: 1,
    });
    expect([original.status, retry.status]).toEqual([200, 200]);
    await first.fake.waitFor(() => posts().length > 0);
    await settle();
    expect(posts()).toHaveLength(1);
  });

  it("answers an event once when the retry lands on another replica", async () => {
    const event = mention("echo across replicas");
    await postEvent(first.url, TEST_SIGNING_SECRET, event, { eventId: "EvREPLICA1" });
    await postEvent(second.url, TEST_SIGNING_SECRET, event, { eventId: "EvREPLICA1", retryNum: 1 });
    await postEvent(second.url, TEST_SIGNING_SECRET, event, { eventId: "EvREPLICA1", retryNum: 2 });
    await first.fake.waitFor(() => posts().length > 0);
    await settle();
    expect(posts()).toHaveLength(1);
    const { rows } = await t.db.query("select id, kind from slack_events where id = 'event:EvREPLICA1'");
    expect(rows).toEqual([{ id: "event:EvREPLICA1", kind: "event" }]);
  });

  it("still answers distinct events", async () => {
    await postEvent(first.url, TEST_SIGNING_SECRET, mention("echo one"), { eventId: "EvDISTINCT1" });
    await postEvent(second.url, TEST_SIGNING_SECRET, mention("echo two"), { eventId: "EvDISTINCT2" });
    await first.fake.waitFor(() => posts().length >= 2);
    await settle();
    expect(posts()).toHaveLength(2);
  });

  it("answers a replayed slash command (same signed body, same trigger_id) once, and acks both", async () => {
    const body = slashCommandBody({
      command: "/echo",
      text: "replayed",
      trigger_id: freshTriggerId(),
      response_url: first.fake.responseUrl(),
    });
    const once = await postSigned(first.url, TEST_SIGNING_SECRET, body, "application/x-www-form-urlencoded");
    const again = await postSigned(
      second.url,
      TEST_SIGNING_SECRET,
      body,
      "application/x-www-form-urlencoded",
    );
    expect([once.status, again.status]).toEqual([200, 200]);
    await first.fake.waitFor(() => posts().length > 0);
    await settle();
    expect(posts()).toHaveLength(1);
  });

  it("answers every new slash command", async () => {
    for (const text of ["a", "b", "c"]) {
      await postSlashCommand(first.url, TEST_SIGNING_SECRET, {
        command: "/echo",
        text,
        response_url: first.fake.responseUrl(),
      });
    }
    await first.fake.waitFor(() => posts().length >= 3);
    expect(posts()).toHaveLength(3);
  });
});
