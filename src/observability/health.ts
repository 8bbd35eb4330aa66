import type { ServerResponse } from "node:http";
import type { CustomRoute } from "@slack/bolt";
import type { BotMetrics } from "./metrics.ts";

export type CheckStatus = "ok" | "degraded" | "down";

export interface CheckResult {
  status: CheckStatus;
  /** What an operator reads: what is wrong and what to do. */
  detail: string;
}

/**
 * One thing /readyz looks at. A critical check that is down makes the replica unready (503),
 * so a load balancer stops sending it work; a non-critical one (the model, the semantic index)
 * is reported but the bot still answers what it can.
 */
export interface ReadinessCheck {
  name: string;
  critical: boolean;
  run(): CheckResult | Promise<CheckResult>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult & { critical: boolean }>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

/** Runs every check at once, each bounded by `timeoutMs` (a hung check counts as down). */
export async function readiness(
  checks: readonly ReadinessCheck[],
  timeoutMs = DEFAULT_CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map((check) => runBounded(check, timeoutMs)));
  const report: ReadinessReport = { ready: true, checks: {} };
  checks.forEach((check, i) => {
    const result = results[i] ?? { status: "down", detail: "no result" };
    report.checks[check.name] = { ...result, critical: check.critical };
    if (check.critical && result.status === "down") report.ready = false;
  });
  return report;
}

async function runBounded(check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: "down", detail: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.run()), timeout]);
  } catch (error) {
    return { status: "down", detail: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export interface ObservabilityRoutesOptions {
  metrics: BotMetrics;
  checks: readonly ReadinessCheck[];
  checkTimeoutMs?: number;
}

/**
 * GET /healthz (the process answers: liveness), GET /readyz (what the replica depends on:
 * readiness, 503 when a critical dependency is down) and GET /metrics (Prometheus text),
 * served by the Slack HTTP receiver next to /slack/events.
 */
export function observabilityRoutes(options: ObservabilityRoutesOptions): CustomRoute[] {
  return [
    {
      path: "/healthz",
      method: "GET",
      handler: (_req, res) => sendJson(res, 200, { status: "ok" }),
    },
    {
      path: "/readyz",
      method: "GET",
      handler: (_req, res) => {
        readiness(options.checks, options.checkTimeoutMs)
          .then((report) => sendJson(res, report.ready ? 200 : 503, report))
          .catch((error: unknown) => sendJson(res, 500, { ready: false, error: String(error) }));
      },
    },
    {
      path: "/metrics",
      method: "GET",
      handler: (_req, res) => {
        options.metrics.registry
          .metrics()
          .then((text) => {
            res.writeHead(200, { "content-type": options.metrics.registry.contentType });
            res.end(text);
          })
          .catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
      },
    },
  ];
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
