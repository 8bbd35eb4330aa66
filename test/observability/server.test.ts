import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { observabilityRoutes } from "../../src/observability/health.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { type ObservabilityServer, startObservabilityServer } from "../../src/observability/server.ts";

describe("the observability server for Socket Mode", () => {
  let server: ObservabilityServer;
  let base: string;
  beforeAll(async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.digestPosts.inc({ outcome: "posted" });
    server = await startObservabilityServer({
      routes: observabilityRoutes({
        metrics,
        checks: [{ name: "database", critical: true, run: () => ({ status: "down", detail: "gone" }) }],
      }),
      port: 0,
      host: "127.0.0.1",
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server?.close());

  it("serves /healthz, /readyz and /metrics, and 404 elsewhere", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /blinkit_digest_posts_total\{outcome="posted"\} 1/,
    );
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: "POST" })).status).toBe(404);
  });
});
