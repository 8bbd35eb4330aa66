import { describe, expect, it } from "vitest";
import { ENGINES } from "../../harness/db.ts";
import type { ApiCall } from "../../harness/fake-slack.ts";
import {
  buttonPressPayload,
  postEvent,
  postInteraction,
  postSlashCommand,
  TEST_SIGNING_SECRET,
} from "../../harness/signed-request.ts";
import { seedTwoWeeks } from "../known-data.ts";
import { slackAppOnTestDb } from "../slack-test-app.ts";

type Blocks = Array<Record<string, unknown>>;

function fieldTexts(blocks: Blocks): string[] {
  return blocks.flatMap((block) =>
    Array.isArray(block.fields) ? (block.fields as Array<{ text: string }>).map((f) => f.text) : [],
  );
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe.each(ENGINES)("/roas through the signed HTTP receiver on %s", (engine) => {
  const app = slackAppOnTestDb(engine, seedTwoWeeks);

  const roas = (text: string) =>
    postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text,
      response_url: app.slack.fake.responseUrl("roas"),
    });

  it("acks, posts the four KPI cards in the channel and uploads the chart there", async () => {
    const ack = await roas("7d");
    expect(ack.status).toBe(200);
    const post = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("chat.postMessage")[0]);
    expect(post.args.channel).toBe("C1");
    const blocks = post.args.blocks as Blocks;
    expect(fieldTexts(blocks).slice(0, 4)).toEqual([
      "*Total Revenue*\n₹8,400\n▲ 20.0% vs previous period :large_green_circle:",
      "*Total Spend*\n₹1,050\n▲ 50.0% vs previous period",
      "*Average ROAS*\n8.00×\n▼ 20.0% vs previous period :red_circle:\n_total revenue ÷ total spend_",
      "*Average Delivery Delay*\n10.0 min\n▲ 100.0% vs previous period :red_circle:\n_late orders only: 10.0 min_",
    ]);
    expect(JSON.stringify(blocks)).toContain("2024-07-08 to 2024-07-14");

    const complete = await app.slack.fake.waitFor(
      () => app.slack.fake.callsTo("files.completeUploadExternal")[0],
    );
    expect(complete.args.channel_id).toBe("C1");
    expect(complete.args.thread_ts).toBeUndefined();
    const [upload] = app.slack.fake.uploads;
    expect(upload).toBeDefined();
    expect(pngSize(upload?.bytes ?? Buffer.alloc(0))).toEqual({ width: 1800, height: 900 });
    const requested = app.slack.fake.callsTo("files.getUploadURLExternal")[0];
    expect(Number(requested?.args.length)).toBe(upload?.bytes.length);
  });

  it("range buttons re-run the command and update the message in place", async () => {
    await roas("7d");
    const post = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("chat.postMessage")[0]);
    await app.slack.fake.waitFor(() => app.slack.fake.callsTo("files.completeUploadExternal")[0]);
    const messageTs = String(post.result.ts);
    const button = (post.args.blocks as Blocks)
      .flatMap((block) => (block.type === "actions" ? (block.elements as Array<Record<string, string>>) : []))
      .find((element) => element.value === "/roas 30d");
    expect(button).toBeDefined();
    app.slack.fake.reset();

    const ack = await postInteraction(
      app.slack.url,
      TEST_SIGNING_SECRET,
      buttonPressPayload({
        user: "U2",
        message: { channel: "C1", ts: messageTs, blocks: post.args.blocks },
        responseUrl: app.slack.fake.responseUrl("button"),
        action: { ...button, action_id: button?.action_id ?? "" },
      }),
    );
    expect(ack.status).toBe(200);
    const update: ApiCall = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("chat.update")[0]);
    expect(update.args).toMatchObject({ channel: "C1", ts: messageTs });
    // 30 days back from the last data day reaches before the data: both weeks, no comparison.
    expect(fieldTexts(update.args.blocks as Blocks)[0]).toBe(
      "*Total Revenue*\n₹15,400\nchange n/a vs previous period",
    );
    expect(app.slack.fake.callsTo("chat.postMessage")).toHaveLength(0);
    const chart = await app.slack.fake.waitFor(
      () => app.slack.fake.callsTo("files.completeUploadExternal")[0],
    );
    expect(chart.args.thread_ts).toBe(messageTs);
  });

  it.each([
    ["banana", /I don't understand "banana"/],
    ["2024-07-10..2024-07-01", /dates are reversed/],
    ["2023-01-01..2023-01-31", /no data between 2023-01-01 and 2023-01-31/],
  ])("answers bad input %s privately with what to do", async (text, message) => {
    const url = app.slack.fake.responseUrl();
    const ack = await postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text,
      response_url: url,
    });
    expect(ack.status).toBe(200);
    const [reply] = await app.slack.fake.waitFor(() => {
      const replies = app.slack.fake.responsesTo(url);
      return replies.length > 0 && replies;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(String(reply?.body.text)).toMatch(message);
    expect(JSON.stringify(reply?.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(app.slack.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("escapes user input echoed back, so it can't ping the channel", async () => {
    const url = app.slack.fake.responseUrl();
    await postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text: "<!channel>",
      response_url: url,
    });
    const [reply] = await app.slack.fake.waitFor(() => {
      const replies = app.slack.fake.responsesTo(url);
      return replies.length > 0 && replies;
    });
    const body = JSON.stringify(reply?.body);
    expect(body).not.toContain("<!channel>");
    expect(body).toContain("&lt;!channel&gt;");
  });

  it("publishes the last 30 days of KPIs on the App Home tab", async () => {
    await postEvent(app.slack.url, TEST_SIGNING_SECRET, {
      type: "app_home_opened",
      user: "U1",
      channel: "D1",
      tab: "home",
    });
    const publish = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("views.publish")[0]);
    const blocks = (publish.args.view as { blocks: Blocks }).blocks;
    expect(fieldTexts(blocks).map((text) => text.split("\n").slice(0, 2).join(" "))).toEqual([
      "*Total Revenue* ₹15,400",
      "*Total Spend* ₹1,750",
      "*Average ROAS* 8.80×",
      "*Average Delivery Delay* 7.5 min",
      "*Orders* 14",
      "*Late rate* 100.0%",
    ]);
    expect(JSON.stringify(blocks)).toContain("*/roas* — ");
  });

  it("falls back to the response_url when the bot is not in the channel", async () => {
    app.slack.fake.failWith("chat.postMessage", "not_in_channel");
    const url = app.slack.fake.responseUrl();
    await postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text: "7d",
      response_url: url,
    });
    const [reply] = await app.slack.fake.waitFor(() => {
      const replies = app.slack.fake.responsesTo(url);
      return replies.length > 0 && replies;
    });
    expect(reply?.body.response_type).toBe("in_channel");
    expect(JSON.stringify(reply?.body)).toContain("₹8,400");
    expect(JSON.stringify(reply?.body)).toContain("/invite");
  });
});

describe.each(ENGINES)("/roas on an empty database (%s)", (engine) => {
  const app = slackAppOnTestDb(engine);

  it("says there is no data and how to load it, privately", async () => {
    const url = app.slack.fake.responseUrl();
    await postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text: "",
      response_url: url,
    });
    const [reply] = await app.slack.fake.waitFor(() => {
      const replies = app.slack.fake.responsesTo(url);
      return replies.length > 0 && replies;
    });
    expect(reply?.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply?.body)).toContain("blinkit data import");
    expect(app.slack.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});
