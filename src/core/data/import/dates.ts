/**
 * Date and time formats found in real exports, detected per column from the whole column.
 * A format names the order of the date parts and their separator (`MM/DD/YYYY`); any value may
 * carry a time part (`8:52`, `08:34:01`, `09:00:18.776967`, `8:52 PM`) and an explicit offset.
 * `H:MM` is a bare time of day. Day and month are never swapped silently: a column whose values
 * fit both `DD-MM-YYYY` and `MM-DD-YYYY` equally well is reported as ambiguous.
 */

export type DateOrder = "YMD" | "MDY" | "DMY";

export interface DateFormat {
  /** As the user writes it in `--date-format file.column=<label>`. */
  label: string;
  order: DateOrder | "time";
  separator: string;
}

const dateFormat = (order: DateOrder, separator: string): DateFormat => {
  const parts = { YMD: ["YYYY", "MM", "DD"], MDY: ["MM", "DD", "YYYY"], DMY: ["DD", "MM", "YYYY"] }[order];
  return { label: parts.join(separator), order, separator };
};

export const TIME_OF_DAY: DateFormat = { label: "H:MM", order: "time", separator: ":" };

export const DATE_FORMATS: readonly DateFormat[] = ["-", "/", "."].flatMap((separator) =>
  (["YMD", "DMY", "MDY"] as const).map((order) => dateFormat(order, separator)),
);

export const ALL_FORMATS: readonly DateFormat[] = [...DATE_FORMATS, TIME_OF_DAY];

/** A wall-clock reading as written in the file, before any time zone is applied. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fractional seconds exactly as written (".776967"), or "". */
  fraction: string;
  hasTime: boolean;
  /** Explicit UTC offset in the value ("+05:30", "+00:00"), or null for naive values. */
  offset: string | null;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  fraction: string;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(?::?\d{2})?)`;
const DATE_VALUE = new RegExp(
  String.raw`^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:(?:T|\s+)${TIME})?\s*${OFFSET}?$`,
);
const TIME_VALUE = new RegExp(`^${TIME}$`);

export function findFormat(label: string): DateFormat | undefined {
  const wanted = label.trim().split(/\s+/)[0]?.toUpperCase();
  return ALL_FORMATS.find((f) => f.label.toUpperCase() === wanted);
}

/** The formats whose shape and part ranges fit this value (calendar validity is checked later). */
export function candidateFormats(value: string): DateFormat[] {
  if (TIME_VALUE.test(value)) return [TIME_OF_DAY];
  const match = DATE_VALUE.exec(value);
  if (!match) return [];
  // Day-first is listed first: it is the Indian convention, so ambiguity messages suggest it first.
  return DATE_FORMATS.filter((f) => fitsShape(match, f));
}

/** Separator and part widths/ranges match the format (day ≤ 31, month ≤ 12; not the calendar). */
function fitsShape(match: RegExpExecArray, format: DateFormat): boolean {
  const [, a = "", separator, b = "", c = ""] = match;
  if (separator !== format.separator) return false;
  if (format.order === "YMD") return a.length === 4 && c.length <= 2;
  if (c.length !== 4 || a.length > 2) return false;
  const [month, day] = format.order === "MDY" ? [Number(a), Number(b)] : [Number(b), Number(a)];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Whether the value has a time part; used to describe a column ("with times"). */
export function hasTimePart(value: string): boolean {
  const match = DATE_VALUE.exec(value);
  return match ? match[5] !== undefined : TIME_VALUE.test(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function readTime(
  hourText: string,
  minuteText: string,
  secondText: string | undefined,
  fraction: string | undefined,
  meridiem: string | undefined,
): TimeOfDay | string {
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return `${hourText} is not an hour on a 12-hour clock`;
    hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return "is not a real time of day";
  return { hour, minute, second, fraction: fraction ?? "" };
}

/** Reads a value in the given format, or returns why it cannot be read. */
export function parseDateTime(value: string, format: DateFormat): LocalDateTime | string {
  if (format.order === "time") return `'${value}' is a date, but the column holds bare times (H:MM)`;
  const match = DATE_VALUE.exec(value);
  if (!match || !fitsShape(match, format)) {
    return `'${value}' does not match the column's format ${format.label}`;
  }
  const [, a = "", , b = "", c = "", hh, mi, ss, fraction, meridiem, offset] = match;
  const [year, month, day] = {
    YMD: [a, b, c],
    MDY: [c, a, b],
    DMY: [c, b, a],
  }[format.order].map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `'${value}' is not a real date`;
  }
  let time: TimeOfDay = { hour: 0, minute: 0, second: 0, fraction: "" };
  if (hh !== undefined && mi !== undefined) {
    const read = readTime(hh, mi, ss, fraction, meridiem);
    if (typeof read === "string") return `'${value}' ${read}`;
    time = read;
  }
  return { year, month, day, ...time, hasTime: hh !== undefined, offset: normaliseOffset(offset) };
}

export function parseTimeOfDay(value: string): TimeOfDay | string {
  const match = TIME_VALUE.exec(value);
  if (!match) return `'${value}' is not a time of day (H:MM)`;
  const [, hh = "", mi = "", ss, fraction, meridiem] = match;
  const read = readTime(hh, mi, ss, fraction, meridiem);
  return typeof read === "string" ? `'${value}' ${read}` : read;
}

function normaliseOffset(offset: string | undefined): string | null {
  if (offset === undefined) return null;
  if (offset === "Z") return "+00:00";
  const digits = offset.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || "00"}`;
}

/** Counts, over a whole column, how many values fit each format. */
export class FormatTally {
  private readonly counts = new Map<DateFormat, number>();
  values = 0;
  withTime = 0;
  firstValue: string | undefined;
  firstUnrecognised: string | undefined;

  constructor(private readonly allowed: readonly DateFormat[]) {}

  add(value: string): void {
    this.values += 1;
    this.firstValue ??= value;
    if (hasTimePart(value)) this.withTime += 1;
    const fits = candidateFormats(value).filter((f) => this.allowed.includes(f));
    if (fits.length === 0) this.firstUnrecognised ??= value;
    for (const format of fits) this.counts.set(format, (this.counts.get(format) ?? 0) + 1);
  }

  /** The formats fitting the most values: one means decided, several means ambiguous. */
  best(): DateFormat[] {
    const top = Math.max(0, ...this.counts.values());
    if (top === 0) return [];
    return [...this.counts].filter(([, n]) => n === top).map(([format]) => format);
  }

  countFor(format: DateFormat): number {
    return this.counts.get(format) ?? 0;
  }
}
