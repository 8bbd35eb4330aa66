import { randomUUID } from "node:crypto";
import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import type { Logger } from "../../logger.ts";
import type { BotMetrics } from "../../observability/metrics.ts";
import { BusyError } from "../delivery/work-queue.ts";
import { describeRequest } from "./delivery-id.ts";

/**
 * How a request ended: "answered" (a result went out), "error_answer" (the command explained
 * why it couldn't answer), "failed" (delivery failed and the user was told), "busy" (the answer
 * queue was full and the user was told to try again), "duplicate" (a retry
 * or replay, dropped), "error" (a listener threw), "ok" (handled, no command ran: e.g. a home tab).
 */
export type Outcome = "answered" | "error_answer" | "failed" | "busy" | "duplicate" | "error" | "ok";

interface RequestNote {
  requestId: string;
  command?: string;
  outcome?: Outcome;
  aiFallback?: boolean;
}

const NOTE_KEY = "observedRequest";

/** Handlers say what they ran and how it ended; the middleware logs and counts it. */
export function noteRequest(context: Context, update: Omit<Partial<RequestNote>, "requestId">): void {
  const note = context[NOTE_KEY] as RequestNote | undefined;
  if (note) Object.assign(note, update);
}

// The /why answer says so when Groq failed (error, timeout, 429) and it fell back to extraction.
export const AI_FALLBACK_WARNING = /^The AI summary is unavailable/;

/** Notes a command's answer: its outcome and whether the AI service failed behind it. */
export function noteAnswer(context: Context, commandLine: string, answer: Answer): void {
  noteRequest(context, {
    command: commandLine.split(/\s+/)[0] || "help",
    outcome: answer.error ? "error_answer" : "answered",
    aiFallback: answer.warnings.some((warning) => AI_FALLBACK_WARNING.test(warning)),
  });
}

/** Notes a request whose answer could not be delivered: shed by a full queue, or failed. */
export function noteFailure(context: Context, error: unknown): void {
  noteRequest(context, { outcome: error instanceof BusyError ? "busy" : "failed" });
}

/**
 * Global middleware, first in the chain: gives every request an id and, when it is done, writes
 * one structured log line (request id, kind, command, duration, outcome, Slack's retry number)
 * and updates the metrics. Only ids and names are logged: never tokens, never message text.
 */
export function observeRequests(logger: Logger, metrics: BotMetrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const started = performance.now();
    const info = describeRequest(body);
    const note: RequestNote = { requestId: randomUUID() };
    context[NOTE_KEY] = note;
    try {
      await next();
    } catch (error) {
      note.outcome = "error";
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const command = note.command ?? info.name;
      const outcome = note.outcome ?? "ok";
      metrics.slackRequests.inc({ kind: info.kind, command, outcome });
      metrics.slackRequestSeconds.observe({ kind: info.kind, command }, seconds);
      if (note.aiFallback) metrics.groqFallbacks.inc();
      logger.info(
        {
          requestId: note.requestId,
          kind: info.kind,
          command,
          ...(info.kind === "event" ? { event: info.name } : {}),
          deliveryId: info.deliveryId,
          ...(context.retryNum ? { retryNum: context.retryNum, retryReason: context.retryReason } : {}),
          durationMs: Math.round(seconds * 1000),
          outcome,
        },
        "slack request",
      );
    }
  };
}
