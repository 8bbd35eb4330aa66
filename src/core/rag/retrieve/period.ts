import { addDays, isIsoDate } from "../../kpis/range.ts";

export interface Period {
  /** Inclusive business days. */
  from: string;
  to: string;
  /** How the question put it, for the answer's subtitle: "last week", "March 2024". */
  label: string;
  /** The text that named the period, so it is not also read as a topic. */
  matched: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_PATTERN =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};

/**
 * The day questions are relative to: the day after the latest data day for a historical
 * export ("yesterday" is then its last day), or the real business day when data is live.
 */
export function referenceDay(latestDataDay: string | null, todayBusinessDay: string): string {
  if (latestDataDay === null) return todayBusinessDay;
  const dayAfterData = addDays(latestDataDay, 1);
  return dayAfterData < todayBusinessDay ? dayAfterData : todayBusinessDay;
}

/** Reads the first period named in a question, relative to `today` (see referenceDay). */
export function parsePeriod(question: string, today: string): Period | null {
  const text = question.toLowerCase();
  const yesterday = addDays(today, -1);
  const rules: Array<[RegExp, (m: RegExpExecArray) => Omit<Period, "matched"> | null]> = [
    [
      /\b(?:from|between)\s+(\d{4}-\d{2}-\d{2})\s+(?:to|and|until|-)\s+(\d{4}-\d{2}-\d{2})\b/,
      (m) => dateRange(m[1] ?? "", m[2] ?? ""),
    ],
    [/\bsince\s+(\d{4}-\d{2}-\d{2})\b/, (m) => dateRange(m[1] ?? "", today)],
    [/\b(?:on\s+)?(\d{4}-\d{2}-\d{2})\b/, (m) => dateRange(m[1] ?? "", m[1] ?? "")],
    [
      new RegExp(`\\bsince\\s+(?:last\\s+)?(${WEEKDAY_PATTERN})\\b`),
      (m) => {
        const from = lastWeekday(today, WEEKDAYS.indexOf(m[1] ?? ""));
        return { from, to: today, label: `since ${m[1]} (${from})` };
      },
    ],
    [
      new RegExp(`\\b(?:on\\s+|last\\s+)?(${WEEKDAY_PATTERN})\\b`),
      (m) => {
        const day = lastWeekday(today, WEEKDAYS.indexOf(m[1] ?? ""));
        return { from: day, to: day, label: `${m[1]} (${day})` };
      },
    ],
    [/\b(?:last|previous)\s+quarter\b/, () => quarterPeriod(addDays(quarterStart(today), -1))],
    [/\bthis\s+quarter\b/, () => ({ from: quarterStart(today), to: today, label: "this quarter" })],
    [
      /\b(?:last|past|previous)\s+year\b/,
      () => ({ from: addDays(today, -365), to: yesterday, label: "the last 365 days" }),
    ],
    [/\btoday\b/, () => ({ from: today, to: today, label: `today (${today})` })],
    [
      /\bday before yesterday\b/,
      () => ({
        from: addDays(today, -2),
        to: addDays(today, -2),
        label: `the day before yesterday (${addDays(today, -2)})`,
      }),
    ],
    [
      /\b(\d{1,3}|two|three|four|five|six|seven|ten)\s+(day|week)s?\s+ago\b/,
      (m) => {
        const count = NUMBER_WORDS[m[1] ?? ""] ?? Number(m[1]);
        const unit = m[2] === "week" ? 7 : 1;
        const from = addDays(today, -count * unit);
        const to = addDays(from, unit - 1);
        return {
          from,
          to,
          label: `${count} ${m[2]}${count > 1 ? "s" : ""} ago (${from === to ? from : `${from} to ${to}`})`,
        };
      },
    ],
    [
      /\b(?:last|this|over the|on the|at the)?\s*weekend\b/,
      () => {
        // The latest Saturday on or before today, and its Sunday unless that is still to come.
        const saturday = lastWeekday(addDays(today, 1), 6);
        const sunday = addDays(saturday, 1) <= today ? addDays(saturday, 1) : saturday;
        return { from: saturday, to: sunday, label: `the weekend (${saturday} to ${sunday})` };
      },
    ],
    [/\byesterday\b/, () => ({ from: yesterday, to: yesterday, label: `yesterday (${yesterday})` })],
    [
      /\b(?:last|past|previous)\s+(\d{1,3}|two|three|four|five|six|seven|ten)\s+(day|week|month)s?\b/,
      (m) => {
        const count = NUMBER_WORDS[m[1] ?? ""] ?? Number(m[1]);
        const days = count * (UNIT_DAYS[m[2] ?? "day"] ?? 1);
        return {
          from: addDays(today, -days),
          to: yesterday,
          label: `the last ${count} ${m[2]}${count > 1 ? "s" : ""}`,
        };
      },
    ],
    [
      /\b(?:last|past|previous)\s+week\b/,
      () => ({ from: addDays(today, -7), to: yesterday, label: "the last 7 days" }),
    ],
    [/\bthis\s+week\b/, () => ({ from: mondayOf(today), to: today, label: "this week" })],
    [/\b(?:last|previous)\s+month\b/, () => monthPeriod(monthStart(addDays(monthStart(today), -1)))],
    [/\bthis\s+month\b/, () => ({ from: monthStart(today), to: today, label: "this month" })],
    [
      new RegExp(`\\b(?:in\\s+|during\\s+)?(${MONTH_PATTERN})\\b(?:\\s+(\\d{4}))?`),
      (m) => {
        // "may" alone is usually the verb; only "in May" or "May 2024" name the month.
        if (m[1] === "may" && !/^(in|during)\s/.test(m[0]) && !m[2]) return null;
        const month = MONTHS.findIndex((name) => name.startsWith(m[1]?.slice(0, 3) ?? "")) + 1;
        const year = m[2] ? Number(m[2]) : latestYearOfMonth(month, yesterday);
        return monthPeriod(`${year}-${String(month).padStart(2, "0")}-01`);
      },
    ],
  ];
  for (const [pattern, build] of rules) {
    const match = pattern.exec(text);
    if (!match) continue;
    const period = build(match);
    if (period) return { ...period, matched: match[0] };
  }
  return null;
}

/** The window used when a question names no period: the last 30 days of data. */
export function defaultPeriod(today: string): Period {
  return { from: addDays(today, -30), to: addDays(today, -1), label: "the last 30 days", matched: "" };
}

function dateRange(from: string, to: string): Omit<Period, "matched"> | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { from: a, to: b, label: a === b ? a : `${a} to ${b}` };
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function monthPeriod(start: string): Omit<Period, "matched"> {
  const nextMonth = monthStart(addDays(start, 31));
  const [year, month] = start.split("-");
  const name = MONTHS[Number(month) - 1] ?? "";
  return {
    from: start,
    to: addDays(nextMonth, -1),
    label: `${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`,
  };
}

/** The most recent year in which `month` had started by `lastDay`. */
function latestYearOfMonth(month: number, lastDay: string): number {
  const year = Number(lastDay.slice(0, 4));
  return Number(lastDay.slice(5, 7)) >= month ? year : year - 1;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_PATTERN = WEEKDAYS.join("|");

/** The latest `weekday` (0 = Sunday) strictly before `day`. */
function lastWeekday(day: string, weekday: number): string {
  const current = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -(((current - weekday + 6) % 7) + 1));
}

function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, "0")}-01`;
}

/** The calendar quarter containing `day`, labelled "Q3 2026". */
function quarterPeriod(day: string): Omit<Period, "matched"> {
  const from = quarterStart(day);
  const to = addDays(quarterStart(addDays(from, 95)), -1);
  return { from, to, label: `Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1} ${from.slice(0, 4)}` };
}

function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
