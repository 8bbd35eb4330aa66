import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/core/commands/answer.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { fakeRegistry, unreachableDb } from "../handlers/fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";

describe("digest posts in the metrics", () => {
  const metrics = createMetrics({ processMetrics: false });
  let slack: TestSlackApp;
  beforeAll(async () => {
    slack = await startTestSlackApp({ db: unreachableDb, registry: fakeRegistry(), metrics });
  });
  afterAll(() => slack?.stop());

  it("counts digests posted and digests Slack refused", async () => {
    const digest = answer("digest", "Morning digest");
    await slack.slack.digestPoster.post("C1", digest, "2026-11-24");
    slack.fake.failWith("chat.postMessage", "channel_not_found");
    await expect(slack.slack.digestPoster.post("C2", digest, "2026-11-24")).rejects.toThrow(
      /channel_not_found/,
    );
    const values = (await metrics.digestPosts.get()).values;
    expect(Object.fromEntries(values.map((value) => [value.labels.outcome, value.value]))).toEqual({
      posted: 1,
      failed: 1,
    });
  });
});
