import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { describeError } from "../../core/commands/registry.ts";
import { sqlQuery } from "../../core/db/sql-files.ts";
import type { Db } from "../../core/db/types.ts";
import type { Logger } from "../../logger.ts";
import { describeRequest } from "./delivery-id.ts";
import { noteRequest } from "./observe.ts";

/** Decides whether this replica answers a delivery: true for the first one, false for a repeat. */
export interface DeliveryClaims {
  claim(deliveryId: string, kind: string): Promise<boolean>;
}

export interface DatabaseClaimsOptions {
  logger: Logger;
  /** A claim slower than this lets the request through: answering twice beats not answering. */
  timeoutMs?: number;
  /** How long a delivery id is remembered. */
  retentionSeconds?: number;
  /** How often (at most) old ids are pruned, by whichever replica claims next. */
  pruneEveryMs?: number;
}

export const DEFAULT_CLAIM_TIMEOUT_MS = 500;

/**
 * Delivery ids claimed in PostgreSQL (slack_events): the insert that wins the primary key
 * answers, on any replica. When the database is down the claim fails open, so the bot still
 * answers (once per delivery Slack makes), and says why in the log.
 */
export function databaseClaims(db: Db, options: DatabaseClaimsOptions): DeliveryClaims {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
  const retentionSeconds = options.retentionSeconds ?? 3_600;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  let lastPrune = Date.now();
  return {
    async claim(deliveryId, kind) {
      if (Date.now() - lastPrune > pruneEveryMs) {
        lastPrune = Date.now();
        db.query(sqlQuery("slack_events_prune"), [retentionSeconds]).catch((error: unknown) =>
          options.logger.warn({ err: describeError(error) }, "could not prune old Slack delivery ids"),
        );
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), timeoutMs);
      });
      try {
        const result = await Promise.race([
          db.query(sqlQuery("slack_event_claim"), [deliveryId, kind]),
          timedOut,
        ]);
        if (result === "timeout") {
          options.logger.warn(
            { deliveryId, timeoutMs },
            "delivery claim timed out; answering without dedupe",
          );
          return true;
        }
        return result.rows.length > 0;
      } catch (error) {
        options.logger.warn(
          { deliveryId, err: describeError(error) },
          "delivery claim failed; answering without dedupe",
        );
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Global middleware: a delivery already claimed (Slack's retry of an event, a replayed command)
 * is acknowledged and dropped, so it never produces a second answer. Events are acknowledged by
 * Bolt before middleware runs; commands and actions are acknowledged here.
 */
export function dedupeDeliveries(claims: DeliveryClaims): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { deliveryId, kind } = describeRequest(args.body);
    if (!deliveryId || (await claims.claim(deliveryId, kind))) {
      await args.next();
      return;
    }
    noteRequest(args.context, { outcome: "duplicate" });
    if ("ack" in args && typeof args.ack === "function") await args.ack();
  };
}
