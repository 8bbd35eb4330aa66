import { addDays } from "../kpis/range.ts";
import { localDateTime, parseLocalTime, zonedInstant } from "./clock.ts";

/** The parts of a digest a subscription can choose; all of them by default. */
export const DIGEST_SECTIONS = ["kpis", "chart", "alerts", "hotspots", "complaints"] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export function isDigestSection(text: string): text is DigestSection {
  return (DIGEST_SECTIONS as readonly string[]).includes(text);
}

export interface Subscription {
  /** Slack channel id (C0123…) or #name; whatever the poster accepts. */
  channel: string;
  /** Wall-clock "HH:MM" in `timeZone`. */
  localTime: string;
  timeZone: string;
  sections: DigestSection[];
  createdBy: string;
  /** "config" for the default channel from the environment, which lives in no table. */
  source: "command" | "config";
  /** When the channel subscribed: earlier slots are not caught up (subscribing at 10:00 for 08:30 starts tomorrow). */
  since?: Date;
}

export interface DueRun {
  subscription: Subscription;
  /** The subscriber's local date of the slot: the morning this digest is for. */
  reportDate: string;
  scheduledFor: Date;
}

/** Longest accepted catch-up window: a full day would make two mornings due at once. */
export const MAX_CATCH_UP_MINUTES = 23 * 60;

/**
 * Which subscriptions are due at `now`, each in its own time zone: those whose latest slot
 * passed no more than `catchUpMinutes` ago. With a one-minute tick and a zero window a slot is
 * due only in its own minute; a wider window lets a bot that was down at 08:30 and starts at
 * 09:10 still post that morning's digest (the run claim keeps it to once).
 */
export function dueRuns(subscriptions: readonly Subscription[], now: Date, catchUpMinutes: number): DueRun[] {
  const window = Math.min(Math.max(catchUpMinutes, 0), MAX_CATCH_UP_MINUTES);
  const due: DueRun[] = [];
  for (const subscription of subscriptions) {
    const slot = latestSlot(subscription, now);
    if (!slot || minuteOf(now) - minuteOf(slot.scheduledFor) > window) continue;
    if (subscription.since && minuteOf(slot.scheduledFor) < minuteOf(subscription.since)) continue;
    due.push({ subscription, ...slot });
  }
  return due;
}

/** The most recent slot at or before `now` (today's or yesterday's, local). */
function latestSlot(subscription: Subscription, now: Date): Omit<DueRun, "subscription"> | undefined {
  const minutes = parseLocalTime(subscription.localTime);
  if (minutes === undefined) return undefined;
  const today = localDateTime(now, subscription.timeZone).date;
  for (const reportDate of [today, addDays(today, -1)]) {
    const scheduledFor = zonedInstant(reportDate, minutes, subscription.timeZone);
    if (minuteOf(scheduledFor) <= minuteOf(now)) {
      return { reportDate, scheduledFor };
    }
  }
  return undefined;
}

/** Whole minutes since the epoch: a tick at 08:30:00.400 counts as 08:30, whatever the jitter. */
function minuteOf(instant: Date): number {
  return Math.floor(instant.getTime() / 60_000);
}

/** The next slot strictly after `now`, for confirmations and listings. */
export function nextRunAfter(subscription: Subscription, now: Date): Date | undefined {
  const minutes = parseLocalTime(subscription.localTime);
  if (minutes === undefined) return undefined;
  const today = localDateTime(now, subscription.timeZone).date;
  for (const date of [today, addDays(today, 1), addDays(today, 2)]) {
    const slot = zonedInstant(date, minutes, subscription.timeZone);
    if (slot.getTime() > now.getTime()) return slot;
  }
  return undefined;
}
