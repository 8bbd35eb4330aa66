import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Everything /metrics exposes, on its own registry so tests and several apps never share counters. */
export interface BotMetrics {
  readonly registry: Registry;
  /** Slack requests by kind (command, event, action, view), command and outcome. */
  readonly slackRequests: Counter<"kind" | "command" | "outcome">;
  /** Time from a request's arrival to its answer being delivered (ack comes first, at once). */
  readonly slackRequestSeconds: Histogram<"kind" | "command">;
  /** Answers that fell back to the extractive summary because the AI service failed. */
  readonly groqFallbacks: Counter<string>;
  /** Database failures seen by the app: "unavailable" (can't connect) or "query". */
  readonly dbErrors: Counter<"kind">;
  /**
   * Morning digests handed to Slack, by outcome: posted, failed, or already_posted (a retry found
   * the earlier attempt's post in the channel and did not post again).
   */
  readonly digestPosts: Counter<"outcome">;
  /** Slack Web API calls that failed, by Slack's error code (not_in_channel, ratelimited…). */
  readonly slackApiErrors: Counter<"code">;
}

export interface MetricsOptions {
  /** Process metrics (memory, CPU, event-loop lag, GC); off in tests that count exact output. */
  processMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "blinkit_" });
  const registers = [registry];
  return {
    registry,
    slackRequests: new Counter({
      name: "blinkit_slack_requests_total",
      help: "Slack requests handled, by kind, command and outcome",
      labelNames: ["kind", "command", "outcome"],
      registers,
    }),
    slackRequestSeconds: new Histogram({
      name: "blinkit_slack_request_duration_seconds",
      help: "Seconds from a Slack request's arrival until its answer was delivered",
      labelNames: ["kind", "command"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
      registers,
    }),
    groqFallbacks: new Counter({
      name: "blinkit_groq_fallbacks_total",
      help: "Answers that used the extractive summary because the Groq API failed (error, timeout, 429)",
      registers,
    }),
    dbErrors: new Counter({
      name: "blinkit_db_errors_total",
      help: "Database failures: unavailable (cannot connect) or query",
      labelNames: ["kind"],
      registers,
    }),
    digestPosts: new Counter({
      name: "blinkit_digest_posts_total",
      help: "Morning digests handed to Slack, by outcome",
      labelNames: ["outcome"],
      registers,
    }),
    slackApiErrors: new Counter({
      name: "blinkit_slack_api_errors_total",
      help: "Slack Web API calls that failed, by Slack's error code",
      labelNames: ["code"],
      registers,
    }),
  };
}
