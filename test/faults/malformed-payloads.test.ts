import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../src/core/rag/embedder/hashing.ts";
import { RagService } from "../../src/core/rag/service.ts";
import { fakeRegistry, unreachableDb } from "../handlers/fake-commands.ts";
import { seedTwoWeeks } from "../handlers/known-data.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { createTestDb, ENGINES, type TestDb } from "../harness/db.ts";
import {
  buttonPressPayload,
  postEvent,
  postInteraction,
  postSigned,
  postSlashCommand,
  slashCommandBody,
  TEST_SIGNING_SECRET,
} from "../harness/signed-request.ts";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

describe("malformed requests get a 4xx and reach nothing", () => {
  let slack: TestSlackApp;
  beforeAll(async () => {
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(),
      claims: { claim: async () => true },
      bodyLimitBytes: 64 * 1024,
    });
  });
  afterAll(() => slack?.stop());
  beforeEach(() => slack.fake.reset());

  const nothingSent = async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.fake.calls).toEqual([]);
    expect(slack.fake.responses).toEqual([]);
  };

  it.each([
    ["garbage JSON", "{not json", JSON_TYPE],
    ["a JSON array of nothing useful", "[1,2,3", JSON_TYPE],
    ["an interaction payload that is not JSON", "payload=%7Bbroken", FORM],
  ])("answers %s with 400", async (_label, body, type) => {
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, body, type);
    expect(response.status).toBe(400);
    await nothingSent();
  });

  it("answers a body over the limit with 413 before reading it as a command", async () => {
    const body = slashCommandBody({
      command: "/echo",
      text: "x".repeat(80 * 1024),
      response_url: slack.fake.responseUrl(),
    });
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, body, FORM);
    expect(response.status).toBe(413);
    await nothingSent();
  });

  it("answers a signed request of no known kind with 404 after Bolt's ack window, posting nothing", async () => {
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, "hello=world", FORM);
    expect(response.status).toBe(404);
    await nothingSent();
  }, 10_000);

  it("drops an event callback without its event, posting nothing", async () => {
    const body = JSON.stringify({
      type: "event_callback",
      event_id: "EvEMPTY",
      team_id: "T1",
      api_app_id: "A1",
    });
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, body, JSON_TYPE);
    expect(response.status).toBeLessThan(500);
    await nothingSent();
  });

  it("answers a slash command that lacks its channel and user with a clear private reply", async () => {
    const url = slack.fake.responseUrl();
    const body = new URLSearchParams({
      command: "/echo",
      text: "hi",
      response_url: url,
      team_id: "T1",
    }).toString();
    const response = await postSigned(slack.url, TEST_SIGNING_SECRET, body, FORM);
    expect(response.status).toBe(200);
    const replies = await slack.fake.waitFor(() => {
      const found = [...slack.fake.responsesTo(url), ...slack.fake.calls];
      return found.length > 0 && found;
    });
    expect(JSON.stringify(replies)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("ignores a button without a value instead of failing", async () => {
    const response = await postInteraction(
      slack.url,
      TEST_SIGNING_SECRET,
      buttonPressPayload({ user: "U1", action: { action_id: "run_command:x" } }),
    );
    expect(response.status).toBe(200);
    await nothingSent();
  });
});

/** Hostile text a user might type: SQL, Slack specials, odd Unicode, Markdown links, a wall of text. */
const NASTY = [
  "'; drop table orders; --",
  "1 OR 1=1; select pg_sleep(30)",
  "<!channel> <!here> <!everyone> <@U999> look",
  "ज़ोन 🙂 \u202e\u200b ünïcödé Ω",
  "*bold* _it_ <https://evil.example|click here> `code`",
  "$1 $2 %s {{x}} \\ %00 \\x00",
  "w".repeat(3_000),
];
const SPECIALS = ["<!channel>", "<!here>", "<!everyone>", "<@U999>", "<https://evil.example|"];

describe.each(ENGINES)("hostile text in every input gets a clear answer (%s)", (engine) => {
  let t: TestDb;
  let slack: TestSlackApp;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await seedTwoWeeks(t.db);
    const rag = new RagService(t.db, { embedderInstance: hashingEmbedder(64) });
    await rag.startIndexing();
    slack = await startTestSlackApp({ db: t.db, services: { rag } });
  });
  afterAll(async () => {
    await slack?.stop();
    await t?.dispose();
  });
  beforeEach(() => slack.fake.reset());

  /** Everything the bot sent anywhere, as one string. */
  const outgoing = () => JSON.stringify([slack.fake.calls.map((call) => call.args), slack.fake.responses]);

  const expectCleanReply = (sent: string) => {
    for (const special of SPECIALS) expect(sent, special).not.toContain(special);
    expect(sent).not.toMatch(/at .*\.ts:\d+|\bError: /);
  };

  it.each(["/roas", "/delay-risk", "/why", "/digest"])(
    "%s answers each hostile text",
    async (command) => {
      for (const text of NASTY) {
        slack.fake.reset();
        const url = slack.fake.responseUrl();
        const ack = await postSlashCommand(slack.url, TEST_SIGNING_SECRET, {
          command,
          text,
          response_url: url,
        });
        expect(ack.status).toBe(200);
        await slack.fake.waitFor(
          () => slack.fake.responsesTo(url).length > 0 || slack.fake.callsTo("chat.postMessage").length > 0,
          15_000,
        );
        expectCleanReply(outgoing());
      }
      const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from orders");
      expect(rows[0]?.n).toBe(14);
    },
    120_000,
  );

  it("answers each hostile mention in its thread, escaped", async () => {
    for (const text of NASTY) {
      slack.fake.reset();
      const ts = `${Date.now() / 1000}`;
      await postEvent(slack.url, TEST_SIGNING_SECRET, {
        type: "app_mention",
        user: "U1",
        text: `<@UBOT> why ${text}`,
        channel: "C1",
        ts,
      });
      await slack.fake.waitFor(
        () =>
          slack.fake.callsTo("chat.postMessage").length > 0 ||
          slack.fake.callsTo("chat.postEphemeral").length > 0,
        15_000,
      );
      expectCleanReply(outgoing());
    }
  }, 120_000);

  it("answers a forged button carrying hostile command lines privately", async () => {
    for (const text of NASTY) {
      slack.fake.reset();
      const url = slack.fake.responseUrl();
      await postInteraction(
        slack.url,
        TEST_SIGNING_SECRET,
        buttonPressPayload({
          user: "U1",
          message: { channel: "C1", ts: "1700000000.000100" },
          responseUrl: url,
          action: { action_id: "run_command:x", value: `/roas ${text}` },
        }),
      );
      await slack.fake.waitFor(
        () => slack.fake.responsesTo(url).length > 0 || slack.fake.calls.length > 0,
        15_000,
      );
      expectCleanReply(outgoing());
    }
  }, 120_000);
});
