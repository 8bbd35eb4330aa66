/**
 * Local wall-clock arithmetic for the generated data. Every timestamp the export carries is
 * Asia/Kolkata wall-clock time without an offset; India has no daylight saving, so a day is
 * always 86 400 s and plain integer arithmetic on (day number, second of day) is exact.
 * A "day" is the number of days since 1970-01-01.
 */
export const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const partsCache = new Map<number, DateParts>();

function parts(day: number): DateParts {
  let cached = partsCache.get(day);
  if (!cached) {
    const date = new Date(day * MS_PER_DAY);
    cached = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
    partsCache.set(day, cached);
  }
  return cached;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Parses `YYYY-MM-DD` strictly; throws a message naming the bad value. */
export function dayFromIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || isoDate(ms / MS_PER_DAY) !== text) {
    throw new Error(`"${text}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2026-11-20`);
  }
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD`. */
export function isoDate(day: number): string {
  const p = parts(day);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** First day of the calendar month containing `day`, and the first day of the next month. */
export function monthBounds(day: number): { first: number; nextFirst: number } {
  const p = parts(day);
  return {
    first: Date.UTC(p.year, p.month - 1, 1) / MS_PER_DAY,
    nextFirst: Date.UTC(p.year, p.month, 1) / MS_PER_DAY,
  };
}

/** Yesterday's date in Asia/Kolkata relative to `now`, the default last data day. */
export function yesterdayInKolkata(now: Date): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(now);
  return isoDate(dayFromIsoDate(today) - 1);
}

/** A local instant: a day number plus seconds since that day's midnight (may exceed a day). */
export interface LocalTime {
  day: number;
  second: number;
}

function normalise(t: LocalTime): { p: DateParts; h: number; m: number; s: number } {
  const dayOffset = Math.floor(t.second / SECONDS_PER_DAY);
  const second = t.second - dayOffset * SECONDS_PER_DAY;
  return {
    p: parts(t.day + dayOffset),
    h: Math.floor(second / 3600),
    m: Math.floor((second % 3600) / 60),
    s: second % 60,
  };
}

/** ISO style used by the orders file: `2024-07-17 08:34:01`. */
export function isoDateTime(t: LocalTime): string {
  const { p, h, m, s } = normalise(t);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/** US style used by the delivery-performance file, minutes only: `7/17/2024 8:52`. */
export function usDateTime(t: LocalTime): string {
  const { p, h, m } = normalise(t);
  return `${p.month}/${p.day}/${p.year} ${h}:${pad2(m)}`;
}
