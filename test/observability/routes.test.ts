import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CheckResult, ReadinessCheck } from "../../src/observability/health.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { fakeRegistry, unreachableDb } from "../handlers/fake-commands.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { postSlashCommand, TEST_SIGNING_SECRET } from "../harness/signed-request.ts";

describe("/healthz, /readyz and /metrics on the HTTP receiver", () => {
  let slack: TestSlackApp;
  let base: string;
  const state: { database: CheckResult; model: CheckResult } = {
    database: { status: "ok", detail: "test database" },
    model: { status: "ok", detail: "trained" },
  };
  const checks: ReadinessCheck[] = [
    { name: "database", critical: true, run: () => state.database },
    { name: "delay_model", critical: false, run: () => state.model },
    { name: "hung", critical: false, run: () => new Promise<CheckResult>(() => undefined) },
  ];

  beforeAll(async () => {
    slack = await startTestSlackApp({
      db: unreachableDb,
      registry: fakeRegistry(),
      readiness: checks,
      metrics: createMetrics({ processMetrics: false }),
      claims: { claim: async () => true },
    });
    base = slack.url.replace(/\/slack\/events$/, "");
  });
  afterAll(() => slack?.stop());
  beforeEach(() => {
    state.database = { status: "ok", detail: "test database" };
    state.model = { status: "ok", detail: "trained" };
  });

  it("/healthz answers 200 without looking at dependencies", async () => {
    state.database = { status: "down", detail: "gone" };
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 200 with every check listed when critical ones are up; a hung check is down, not a hang", async () => {
    state.model = { status: "degraded", detail: "No delivery-delay model has been trained yet" };
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as { ready: boolean; checks: Record<string, { status: string }> };
    expect(report.ready).toBe(true);
    expect(report.checks.database?.status).toBe("ok");
    expect(report.checks.delay_model?.status).toBe("degraded");
    expect(report.checks.hung?.status).toBe("down");
  }, 10_000);

  it("/readyz is 503 when a critical dependency is down, saying which", async () => {
    state.database = { status: "down", detail: "postgres://db/app is unreachable" };
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(503);
    const report = (await response.json()) as { ready: boolean; checks: Record<string, { detail: string }> };
    expect(report.ready).toBe(false);
    expect(report.checks.database?.detail).toContain("unreachable");
  }, 10_000);

  it("/metrics counts handled commands by outcome, in Prometheus text", async () => {
    await postSlashCommand(slack.url, TEST_SIGNING_SECRET, {
      command: "/echo",
      text: "counted",
      response_url: slack.fake.responseUrl(),
    });
    await postSlashCommand(slack.url, TEST_SIGNING_SECRET, {
      command: "/nonsense",
      response_url: slack.fake.responseUrl(),
    });
    const metrics = async () => (await fetch(`${base}/metrics`)).text();
    const deadline = Date.now() + 5_000;
    let text = await metrics();
    while (!/outcome="error_answer"/.test(text) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await metrics();
    }
    expect(text).toMatch(
      /blinkit_slack_requests_total\{kind="command",command="\/echo",outcome="answered"\} 1/,
    );
    expect(text).toMatch(
      /blinkit_slack_requests_total\{kind="command",command="\/nonsense",outcome="error_answer"\} 1/,
    );
    expect(text).toMatch(/blinkit_slack_request_duration_seconds_count\{kind="command",command="\/echo"\} 1/);
    expect(text).toContain("# TYPE blinkit_groq_fallbacks_total counter");
  });
});
