import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { DIGEST_SECTIONS, type DigestSection, isDigestSection, type Subscription } from "./schedule.ts";

interface SubscriptionRow {
  [column: string]: unknown;
  channel: string;
  local_time: string;
  time_zone: string;
  sections: string[] | null;
  created_by: string;
  created_at: Date;
}

export async function listStoredSubscriptions(db: Queryable): Promise<Subscription[]> {
  const { rows } = await db.query<SubscriptionRow>(sqlQuery("digest_subscriptions_list"));
  return rows.map((row) => ({
    channel: row.channel,
    localTime: row.local_time,
    timeZone: row.time_zone,
    sections: knownSections(row.sections),
    createdBy: row.created_by,
    source: "command",
    since: new Date(row.created_at),
  }));
}

/**
 * The subscriptions in force: the table's rows plus the default channel from configuration,
 * unless that channel subscribed itself (its own row then wins, so `/digest subscribe` can move
 * its time).
 */
export async function activeSubscriptions(
  db: Queryable,
  defaultSubscription?: Subscription,
): Promise<Subscription[]> {
  const stored = await listStoredSubscriptions(db);
  if (!defaultSubscription || stored.some((s) => s.channel === defaultSubscription.channel)) return stored;
  return [defaultSubscription, ...stored];
}

export interface NewSubscription {
  channel: string;
  localTime: string;
  timeZone: string;
  sections: DigestSection[];
  createdBy: string;
}

/** Creates or changes a channel's subscription; true when it is new. */
export async function subscribe(db: Queryable, subscription: NewSubscription, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ created: boolean }>(sqlQuery("digest_subscription_upsert"), [
    subscription.channel,
    subscription.localTime,
    subscription.timeZone,
    subscription.sections,
    subscription.createdBy,
    now,
  ]);
  return rows[0]?.created === true;
}

/** Removes a channel's subscription; false when it had none. */
export async function unsubscribe(db: Queryable, channel: string): Promise<boolean> {
  const { rows } = await db.query(sqlQuery("digest_subscription_delete"), [channel]);
  return rows.length > 0;
}

/** Stored sections in canonical order; an unknown name (from a newer version) is ignored. */
function knownSections(stored: string[] | null): DigestSection[] {
  const names = new Set((stored ?? []).filter(isDigestSection));
  return DIGEST_SECTIONS.filter((section) => names.has(section));
}
