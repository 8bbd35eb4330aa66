import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { answer } from "../../src/core/commands/answer.ts";
import {
  buttonPressPayload,
  postEvent,
  postInteraction,
  postSlashCommand,
  TEST_SIGNING_SECRET,
} from "../harness/signed-request.ts";
import { echoCommand, fakeRegistry, Gate, slowCommand, unreachableDb } from "./fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "./slack-test-app.ts";

const json = (value: unknown) => JSON.stringify(value);

describe("Slack listeners over the command registry", () => {
  let gate: Gate;
  let slack: TestSlackApp;
  let failChart = false;

  beforeAll(async () => {
    gate = new Gate();
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(
        slowCommand(() => gate),
        {
          ...echoCommand,
          name: "why",
          run: async (args) => answer("why", "Why", { sections: [{ heading: "Question", lines: [args] }] }),
        },
      ),
      slowAfterMs: 20,
      homePanels: ["/charted"],
      renderChart: async () => {
        if (failChart) throw new Error("canvas exploded");
        return Buffer.from("89504e47", "hex");
      },
    });
  });
  afterAll(() => slack?.stop());
  beforeEach(() => {
    slack.fake.reset();
    gate = new Gate();
    failChart = false;
  });
  afterEach(() => gate.open());

  const command = (name: string, text = "") => {
    const url = slack.fake.responseUrl();
    const sent = postSlashCommand(slack.url, TEST_SIGNING_SECRET, { command: name, text, response_url: url });
    return { url, sent };
  };
  const responsesTo = (url: string, count: number) =>
    slack.fake.waitFor(() => {
      const replies = slack.fake.responsesTo(url);
      return replies.length >= count && replies;
    });

  it("acks before the command finishes, shows progress, then posts and clears the note", async () => {
    const { url, sent } = command("/slow");
    expect((await sent).status).toBe(200);
    const [note] = await responsesTo(url, 1);
    expect(note?.body).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringContaining("Looking into it"),
    });
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(0);

    gate.open();
    const post = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage")[0]);
    expect(json(post.args.blocks)).toContain("Finally");
    const [, cleared] = await responsesTo(url, 2);
    expect(cleared?.body).toEqual({ delete_original: true });
  });

  it("replaces the progress note with a private answer", async () => {
    const { url } = command("/slow", "private");
    await responsesTo(url, 1);
    gate.open();
    const [, answer] = await responsesTo(url, 2);
    expect(answer?.body).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(json(answer?.body)).toContain("Private result");
  });

  it("answers an unknown command privately with the list of commands", async () => {
    const { url } = command("/nope");
    const [reply] = await responsesTo(url, 1);
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toContain('I don\'t know the command "/nope"');
    expect(json(reply?.body.blocks)).toContain("/echo");
  });

  it("still posts the text answer when the chart can't be drawn, and says why", async () => {
    failChart = true;
    command("/charted");
    const [answer, note] = await slack.fake.waitFor(() => {
      const posts = slack.fake.callsTo("chat.postMessage");
      return posts.length >= 2 && posts;
    });
    expect(json(answer?.args.blocks)).toContain("₹1,000");
    expect(String(note?.args.text)).toContain("Chart unavailable this time (canvas exploded)");
    expect(slack.fake.callsTo("files.getUploadURLExternal")).toHaveLength(0);
  });

  it("uploads the chart next to the answer", async () => {
    command("/charted");
    const complete = await slack.fake.waitFor(() => slack.fake.callsTo("files.completeUploadExternal")[0]);
    expect(complete.args).toMatchObject({ channel_id: "C1" });
    expect(slack.fake.uploads[0]?.bytes).toEqual(Buffer.from("89504e47", "hex"));
  });

  it("answers a mention in a thread under the message", async () => {
    await postEvent(slack.url, TEST_SIGNING_SECRET, {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> echo hello there",
      ts: "1700000500.000200",
      channel: "C1",
    });
    const post = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage")[0]);
    expect(post.args).toMatchObject({ channel: "C1", thread_ts: "1700000500.000200" });
    expect(json(post.args.blocks)).toContain("hello there");
  });

  it("routes a plain-language mention by its words", async () => {
    await postEvent(slack.url, TEST_SIGNING_SECRET, {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT> customers in South zone seem unhappy, what is going on?",
      ts: "1700000700.000200",
      channel: "C1",
    });
    const post = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage")[0]);
    expect(json(post.args.blocks)).toContain(
      "`/why customers in South zone seem unhappy, what is going on?`",
    );
  });

  it("answers a bare mention with help, privately", async () => {
    await postEvent(slack.url, TEST_SIGNING_SECRET, {
      type: "app_mention",
      user: "U1",
      text: "<@UBOT>",
      ts: "1700000600.000200",
      thread_ts: "1700000000.000100",
      channel: "C1",
    });
    const help = await slack.fake.waitFor(() => slack.fake.callsTo("chat.postEphemeral")[0]);
    expect(help.args).toMatchObject({ channel: "C1", user: "U1", thread_ts: "1700000000.000100" });
    expect(json(help.args.blocks)).toContain("/echo");
  });

  it("publishes the home tab with panels and the commands", async () => {
    await postEvent(slack.url, TEST_SIGNING_SECRET, {
      type: "app_home_opened",
      user: "U7",
      channel: "D1",
      tab: "home",
    });
    const publish = await slack.fake.waitFor(() => slack.fake.callsTo("views.publish")[0]);
    expect(publish.args.user_id).toBe("U7");
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(json(view.blocks)).toContain("₹1,000");
    expect(json(view.blocks)).toContain("*/echo* — Repeats what you typed");
    expect(json(view.blocks)).toContain("No delivery-delay model has been trained yet");
  });

  it("replaces an ephemeral answer through its response_url when a button is pressed", async () => {
    const url = slack.fake.responseUrl();
    await postInteraction(
      slack.url,
      TEST_SIGNING_SECRET,
      buttonPressPayload({
        user: "U1",
        message: { channel: "C1", ts: "1700000000.000900", ephemeral: true },
        responseUrl: url,
        action: { action_id: "run_command:again", value: "/echo again" },
      }),
    );
    const [reply] = await responsesTo(url, 1);
    expect(reply?.body.replace_original).toBe(true);
    expect(json(reply?.body.blocks)).toContain("again");
    expect(slack.fake.callsTo("chat.update")).toHaveLength(0);
  });

  it("never overwrites a channel answer with an error: the presser alone sees it", async () => {
    const url = slack.fake.responseUrl();
    await postInteraction(
      slack.url,
      TEST_SIGNING_SECRET,
      buttonPressPayload({
        user: "U2",
        message: { channel: "C1", ts: "1700000000.000100" },
        responseUrl: url,
        action: { action_id: "run_command:x", value: "/nope" },
      }),
    );
    const [reply] = await responsesTo(url, 1);
    expect(reply?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(slack.fake.callsTo("chat.update")).toHaveLength(0);
  });
});
