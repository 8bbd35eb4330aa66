import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.ts";
import { fakeRegistry, Gate, slowCommand, unreachableDb } from "../handlers/fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { postSlashCommand, TEST_SIGNING_SECRET } from "../harness/signed-request.ts";

describe("a replica with a full answer queue", () => {
  const gate = new Gate();
  const metrics = createMetrics({ processMetrics: false });
  let slack: TestSlackApp;

  beforeAll(async () => {
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(slowCommand(() => gate)),
      claims: { claim: async () => true },
      answerConcurrency: 1,
      maxQueuedAnswers: 1,
      metrics,
    });
  });
  afterAll(async () => {
    gate.open();
    await slack?.stop();
  });

  const send = (command: string) => {
    const url = slack.fake.responseUrl();
    return { url, ack: postSlashCommand(slack.url, TEST_SIGNING_SECRET, { command, response_url: url }) };
  };

  it("still acks at once, tells the extra asker to try again, and answers the others when work frees", async () => {
    const running = send("/slow");
    const queued = send("/echo");
    expect((await running.ack).status).toBe(200);
    expect((await queued.ack).status).toBe(200);
    const shed = send("/echo");
    expect((await shed.ack).status).toBe(200);
    const [busy] = await slack.fake.waitFor(() => {
      const replies = slack.fake.responsesTo(shed.url);
      return replies.length > 0 && replies;
    });
    expect(busy?.body.response_type).toBe("ephemeral");
    expect(String(busy?.body.text)).toMatch(/a lot of requests at once right now.*Try again in a minute/s);
    // Neither the running command nor the queued one has posted yet.
    expect(slack.fake.callsTo("chat.postMessage")).toHaveLength(0);

    gate.open();
    await slack.fake.waitFor(() => slack.fake.callsTo("chat.postMessage").length >= 2);
    const counted = (await metrics.slackRequests.get()).values;
    expect(counted.find((value) => value.labels.outcome === "busy")?.value).toBe(1);
  });
});
