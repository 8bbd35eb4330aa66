import { parseZone, ZONES } from "../data/zones.ts";
import type { DelayTarget } from "./areas.ts";
import { DAY_NAMES } from "./explain.ts";

/** A day as the user gave it: a weekday, today/tomorrow (resolved against the clock), or a date. */
export type DaySpec =
  | { kind: "weekday"; dayOfWeek: number }
  | { kind: "relative"; offsetDays: number }
  | { kind: "date"; date: string };

export type DelayRiskCommandRequest =
  /** No arguments: Slack opens the form (modal), the console prints usage. */
  | { kind: "form" }
  | { kind: "help" }
  | { kind: "hotspots"; day: DaySpec }
  | { kind: "predict"; target: DelayTarget; hourOfDay: number; day: DaySpec; promisedMinutes: number };

export type ParsedArgs<T> = { ok: true; value: T } | { ok: false; message: string };

export const MAX_PROMISED_MINUTES = 240;

const KEY_ALIASES: Record<string, "area" | "zone" | "hour" | "day" | "promised"> = {
  area: "area",
  locality: "area",
  city: "area",
  zone: "zone",
  region: "zone",
  hour: "hour",
  time: "hour",
  at: "hour",
  h: "hour",
  day: "day",
  dow: "day",
  weekday: "day",
  date: "day",
  d: "day",
  promised: "promised",
  promise: "promised",
  eta: "promised",
  minutes: "promised",
  mins: "promised",
  p: "promised",
};

/**
 * Reads `/delay-risk` arguments forgivingly:
 *   area="HSR Layout" hour=21 day=sat promised=10    (keys may be abbreviated: h=, d=, p=)
 *   zone=South hour=9pm day=saturday promised=15min  (day: name, 0–6 with 0 = Sunday, 7 = Sunday,
 *   HSR Layout 9pm sat 10min                          today, tomorrow, or YYYY-MM-DD)
 *   hotspots [today|tomorrow|YYYY-MM-DD]             (default tomorrow)
 *   help, or nothing at all (the form).
 * Area (or zone), hour and promised minutes are required; the day defaults to today.
 */
export function parseDelayRiskArgs(text: string): ParsedArgs<DelayRiskCommandRequest> {
  const input = text.trim().replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  if (input === "") return { ok: true, value: { kind: "form" } };
  const lower = input.toLowerCase();
  if (lower === "help" || lower === "?") return { ok: true, value: { kind: "help" } };
  const hotspots = /^(?:hotspots?|hot spots?|top|riskiest)\b\s*(.*)$/i.exec(input);
  if (hotspots) {
    const rest = (hotspots[1] ?? "").trim();
    if (rest === "")
      return { ok: true, value: { kind: "hotspots", day: { kind: "relative", offsetDays: 1 } } };
    const day = parseDay(rest);
    if (!day.ok || day.value.kind === "weekday") {
      return {
        ok: false,
        message: `"${rest}" is not a day for hotspots: use today, tomorrow or a date like 2026-03-07.`,
      };
    }
    return { ok: true, value: { kind: "hotspots", day: day.value } };
  }
  const fields = splitFields(input);
  if (!fields.ok) return fields;
  return buildPrediction(fields.value);
}

type Fields = Partial<Record<"area" | "zone" | "hour" | "day" | "promised", string>>;

/** key=value pairs (values may be quoted or run until the next key), then bare words by their shape. */
function splitFields(input: string): ParsedArgs<Fields> {
  const fields: Fields = {};
  // "key=" outside double quotes: area="Sector 18 x=y" keeps its text whole.
  const quoted = [...input.matchAll(/"[^"]*"/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const keys = [...input.matchAll(/(?:^|\s)([a-z]+)\s*=\s*/gi)].filter(
    (m) => !quoted.some(([from = 0, to = 0]) => (m.index ?? 0) > from && (m.index ?? 0) < to),
  );
  const leading = keys.length === 0 ? input : input.slice(0, keys[0]?.index ?? 0);
  for (const [i, match] of keys.entries()) {
    const name = KEY_ALIASES[(match[1] ?? "").toLowerCase()];
    if (!name) {
      return {
        ok: false,
        message: `I don't know the setting "${match[1]}". Use area=, zone=, hour=, day= and promised=.`,
      };
    }
    const start = (match.index ?? 0) + match[0].length;
    const end = keys[i + 1]?.index ?? input.length;
    fields[name] = unquote(input.slice(start, end).trim());
  }
  const bare = readBareWords(leading.trim());
  if (!bare.ok) return bare;
  for (const [name, value] of Object.entries(bare.value) as Array<[keyof Fields, string]>) {
    if (fields[name] !== undefined) return { ok: false, message: `You gave the ${name} twice.` };
    fields[name] = value;
  }
  return { ok: true, value: fields };
}

/** "HSR Layout 9pm sat 10min" or "south zone 21 saturday 15m": each word recognised by its shape. */
function readBareWords(text: string): ParsedArgs<Fields> {
  const fields: Fields = {};
  const areaWords: string[] = [];
  const words = unquote(text).split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1]?.toLowerCase();
    if (/^\d{1,3}\s*(?:m|min|mins|minutes)$/i.test(word)) fields.promised = word;
    else if (/^\d{1,2}(?::\d{2})?\s*(?:am|pm|h)$/i.test(word) || /^\d{1,2}:\d{2}$/.test(word))
      fields.hour = word;
    else if (/^\d{1,2}$/.test(word) && (next === "am" || next === "pm")) fields.hour = `${word}${words[++i]}`;
    else if (/^\d{1,3}$/.test(word) && (next === "min" || next === "mins" || next === "minutes")) {
      fields.promised = word;
      i++;
    } else if (parseDayWord(word.toLowerCase()) !== undefined) fields.day = word;
    else if (/^(zone|region)$/i.test(next ?? "") && parseZone(word)) {
      fields.zone = word;
      i++;
    } else areaWords.push(word);
  }
  if (areaWords.length > 0) fields.area = areaWords.join(" ");
  return { ok: true, value: fields };
}

function buildPrediction(fields: Fields): ParsedArgs<DelayRiskCommandRequest> {
  if (fields.area && fields.zone) {
    return { ok: false, message: "Give either an area or a zone, not both." };
  }
  let target: DelayTarget;
  if (fields.zone !== undefined) {
    const zone = parseZone(fields.zone);
    if (!zone)
      return { ok: false, message: `"${fields.zone}" is not a zone: use one of ${ZONES.join(", ")}.` };
    target = { kind: "zone", zone };
  } else if (fields.area) {
    target = { kind: "area", area: fields.area };
  } else {
    return { ok: false, message: 'Which area? Add area="HSR Layout" (or zone=South).' };
  }
  if (fields.hour === undefined) return { ok: false, message: "At what hour? Add hour=21 or hour=9pm." };
  const hour = parseHour(fields.hour);
  if (!hour.ok) return hour;
  if (fields.promised === undefined) {
    return { ok: false, message: "What delivery time was promised? Add promised=10 (minutes)." };
  }
  const promised = parsePromised(fields.promised);
  if (!promised.ok) return promised;
  const day =
    fields.day === undefined
      ? { ok: true as const, value: { kind: "relative", offsetDays: 0 } as DaySpec }
      : parseDay(fields.day);
  if (!day.ok) return day;
  return {
    ok: true,
    value: {
      kind: "predict",
      target,
      hourOfDay: hour.value,
      day: day.value,
      promisedMinutes: promised.value,
    },
  };
}

/** 21, "21h", "21:00", "9pm", "9:30 pm", "noon", "midnight" → 0–23 (minutes are dropped). */
export function parseHour(text: string): ParsedArgs<number> {
  const value = text.trim().toLowerCase().replace(/\s+/g, "");
  if (value === "noon") return { ok: true, value: 12 };
  if (value === "midnight") return { ok: true, value: 0 };
  const match = /^(\d{1,2})(?::(\d{2}))?(am|pm|h|hrs?)?$/.exec(value);
  const bad = {
    ok: false as const,
    message: `"${text.trim()}" is not an hour of the day: use 0–23 (e.g. hour=21) or 1–12 with am/pm (hour=9pm).`,
  };
  if (!match) return bad;
  let hour = Number(match[1]);
  const suffix = match[3];
  if (Number(match[2] ?? 0) > 59) return bad;
  if (suffix === "am" || suffix === "pm") {
    if (hour < 1 || hour > 12) return bad;
    hour = (hour % 12) + (suffix === "pm" ? 12 : 0);
  }
  if (hour > 23) return bad;
  return { ok: true, value: hour };
}

/** "sat", "saturday", 0–6 (0 = Sunday), 7 (Sunday, ISO), "today", "tomorrow", "YYYY-MM-DD". */
export function parseDay(text: string): ParsedArgs<DaySpec> {
  const value = text.trim().toLowerCase();
  const day = parseDayWord(value);
  if (day !== undefined) return { ok: true, value: day };
  return {
    ok: false,
    message: `"${text.trim()}" is not a day: use a name (sat, saturday), 0–6 with 0 = Sunday, today, tomorrow or YYYY-MM-DD.`,
  };
}

function parseDayWord(value: string): DaySpec | undefined {
  if (value === "today") return { kind: "relative", offsetDays: 0 };
  if (value === "tomorrow") return { kind: "relative", offsetDays: 1 };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
      ? { kind: "date", date: value }
      : undefined;
  }
  if (/^[0-7]$/.test(value)) return { kind: "weekday", dayOfWeek: Number(value) % 7 };
  if (value.length < 2) return undefined;
  const index = DAY_NAMES.findIndex((name) => {
    const lowerName = name.toLowerCase();
    return (
      lowerName === value ||
      (value.length >= 3 && lowerName.startsWith(value)) ||
      lowerName.slice(0, 3) === value.replace(/s$/, "")
    );
  });
  return index >= 0 ? { kind: "weekday", dayOfWeek: index } : undefined;
}

/** "10", "10min", "10 mins", "10m" → minutes, 1–240. */
export function parsePromised(text: string): ParsedArgs<number> {
  const match = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?$/i.exec(text.trim());
  const minutes = match ? Number(match[1]) : Number.NaN;
  if (!(minutes >= 1 && minutes <= MAX_PROMISED_MINUTES)) {
    return {
      ok: false,
      message: `"${text.trim()}" is not a promised delivery time: give minutes between 1 and ${MAX_PROMISED_MINUTES} (e.g. promised=10).`,
    };
  }
  return { ok: true, value: minutes };
}

function unquote(text: string): string {
  const match = /^(["'])(.*)\1$/.exec(text.trim());
  return (match ? (match[2] ?? "") : text).trim();
}
