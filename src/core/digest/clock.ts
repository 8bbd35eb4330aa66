/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl: the local date and time of an
 * instant, and the instant of a local date and time (DST gaps and overlaps resolved like
 * Temporal's "compatible" mode, so a scheduled time always maps to exactly one instant).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  /** ISO calendar date, e.g. 2026-03-29. */
  date: string;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
}

/** The calendar date and wall-clock time of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Minutes the zone's wall clock is ahead of UTC at an instant (330 for Asia/Kolkata). */
export function utcOffsetMinutes(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(wholeSeconds))
      .map((part) => [part.type, part.value]),
  );
  const wallAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wallAsUtc - wholeSeconds) / MINUTE_MS);
}

/**
 * The instant a local date and time occurs in a zone. A time that occurs twice (clocks going
 * back) resolves to the first occurrence; a time skipped by clocks going forward resolves to the
 * same distance past the gap (01:30 on a 01:00→02:00 spring-forward day becomes 02:30).
 */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  // Transitions are months apart, so the offsets a day either side are "before" and "after".
  const before = utcOffsetMinutes(wall - DAY_MS, timeZone);
  const after = utcOffsetMinutes(wall + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wall - utcOffsetMinutes(instant, timeZone) * MINUTE_MS === instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? wall - before * MINUTE_MS);
}

/** "08:30" → 510, or undefined for anything that isn't a 24-hour HH:MM time. */
export function parseLocalTime(text: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 510 → "08:30". */
export function formatLocalTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
