import type { LocalDateTime } from "./dates.ts";

/**
 * Turns naive export times (local wall-clock readings) into PostgreSQL timestamptz text with an
 * explicit offset, keeping fractional seconds exactly as written. Offsets come from the IANA
 * database through Intl, cached per quarter hour because asking Intl for every row is slow.
 */

const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** UTC day → its offset, or NaN when the offset changes during that day. */
  days: Map<number, number>;
  /** Quarter-hour index → offset, for days with a transition. */
  quarters: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    cache = { format, days: new Map(), quarters: new Map() };
    zones.set(zone, cache);
  }
  return cache;
}

function askIntl(cache: ZoneCache, utcMs: number): number {
  const parts = Object.fromEntries(cache.format.formatToParts(utcMs).map((p) => [p.type, Number(p.value)]));
  const wallAsUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((wallAsUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * Minutes east of UTC in `zone` at the instant `utcMs`. A day whose first and last quarter hour
 * share an offset is cached as a whole (every day in most zones); transition days per quarter hour.
 */
function offsetMinutesAt(utcMs: number, zone: string): number {
  const cache = zoneCache(zone);
  const day = Math.floor(utcMs / DAY_MS);
  let offset = cache.days.get(day);
  if (offset === undefined) {
    const first = askIntl(cache, day * DAY_MS);
    const last = askIntl(cache, (day + 1) * DAY_MS - BUCKET_MS);
    offset = first === last ? first : Number.NaN;
    cache.days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const bucket = Math.floor(utcMs / BUCKET_MS);
  let exact = cache.quarters.get(bucket);
  if (exact === undefined) {
    exact = askIntl(cache, bucket * BUCKET_MS);
    cache.quarters.set(bucket, exact);
  }
  return exact;
}

/** The offset in force for a wall-clock reading in `zone` (DST-aware; gaps take the later offset). */
function offsetForLocal(local: LocalDateTime, zone: string): number {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const first = offsetMinutesAt(wallAsUtc, zone);
  const second = offsetMinutesAt(wallAsUtc - first * 60_000, zone);
  return first === second ? first : offsetMinutesAt(wallAsUtc - second * 60_000, zone);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatLocalDate(local: Pick<LocalDateTime, "year" | "month" | "day">): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
}

/** `2024-07-17 08:34:01.776967+05:30`: the reading, with its explicit or zone-derived offset. */
export function toTimestampText(local: LocalDateTime, zone: string): string {
  const offset = local.offset ?? formatOffset(offsetForLocal(local, zone));
  const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}${local.fraction}`;
  return `${formatLocalDate(local)} ${time}${offset}`;
}

/** The calendar day after the given one (month and year ends included). */
export function nextDay<T extends Pick<LocalDateTime, "year" | "month" | "day">>(local: T): T {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + 1));
  return { ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
