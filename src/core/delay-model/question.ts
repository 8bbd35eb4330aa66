import { parseZone, type Zone } from "../data/zones.ts";
import { type DaySpec, parseDay, parseHour, parsePromised } from "./args.ts";

/**
 * A delay question in plain words ("will deliveries in Pune be late tonight?"): whatever it
 * names, with null for what it leaves out — the command fills those in from the clock and the
 * data and says what it assumed.
 */
export interface DelayQuestion {
  place: { kind: "area"; area: string } | { kind: "zone"; zone: Zone } | null;
  /** 0–23; null when no time was named. */
  hourOfDay: number | null;
  /** Which words gave the hour ("tonight"), to show what was read. */
  hourFrom: string | null;
  day: DaySpec;
  promisedMinutes: number | null;
}

/** Parts of the day, at the hour such orders peak. */
const TIME_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/\bbreakfast\b/, 8],
  [/\bmorning\b/, 9],
  [/\b(?:noon|lunch(?:time)?)\b/, 13],
  [/\bafternoon\b/, 16],
  [/\bevening\b/, 19],
  [/\bdinner(?:time)?\b/, 20],
  [/\btonight\b/, 21],
  [/\b(?:late night|midnight)\b/, 0],
  [/\bnight\b/, 22],
];

const ZONE_PHRASE = /\b(north[- ]?east|north|south|east|west|central)(?:ern)?\s+(?:zone|region)\b/;
const HOUR_PHRASE = /\b(?:at|around|by|after|before)?\s*(\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2})\b/;
const PROMISE_PHRASE = /\b(\d{1,3})\s*-?\s*(?:min(?:ute)?s?|m)\b(?:\s+(?:promise|eta|delivery|deliveries))?/;
const DAY_PHRASE =
  /\b(today|tonight|tomorrow|\d{4}-\d{2}-\d{2}|(?:this\s+|next\s+|on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?)\b/;

/** Words of the question that are not a place. */
const NOT_A_PLACE = new Set(
  (
    "a an the is are was were will would be being been going gonna to of in at on for with by from about around near " +
    "this that these those next any our my we i you us they there it do does did should could can may might must " +
    "get gets getting what whats which where when how hows likely unlikely chance chances probability odds risk risks " +
    "risky riskier riskiest delay delays delayed late later lateness deliveries delivery deliver delivered orders order " +
    "rider riders area areas zone zones region slot slots hour hours time times now right currently expected expect " +
    "promise promised eta predicted predict forecast tell me show please much high low very more most worst " +
    "customers customer run running be? today tonight tomorrow and or if so also still"
  ).split(" "),
);

/** Does the text read as a sentence rather than `/delay-risk` arguments? */
export function isPlainDelayQuestion(text: string): boolean {
  if (text.includes("=")) return false;
  return (
    /\?\s*$/.test(text) ||
    /^(will|would|are|is|what|which|where|how|should|can|could|do|does|any)\b/i.test(text.trim()) ||
    /\b(late|delay\w*|risk\w*|tonight|morning|evening|afternoon)\b/i.test(text)
  );
}

/**
 * Reads place, time, day and promise from a plain question. `currentHour` answers "now"; the
 * day defaults to today.
 */
export function interpretDelayQuestion(text: string, currentHour: number): DelayQuestion {
  let rest = ` ${text.replace(/[“”"?!.,]/g, " ")} `;
  const lower = () => rest.toLowerCase();
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(lower());
    if (match) rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match;
  };

  const promiseMatch = take(PROMISE_PHRASE);
  const promised = promiseMatch ? parsePromised(promiseMatch[1] ?? "") : null;

  let hourOfDay: number | null = null;
  let hourFrom: string | null = null;
  const clock = take(HOUR_PHRASE);
  const clockHour = clock ? parseHour(clock[1] ?? "") : null;
  if (clockHour?.ok) {
    hourOfDay = clockHour.value;
    hourFrom = (clock?.[1] ?? "").trim();
  } else if (take(/\b(?:right now|now|currently|at the moment)\b/)) {
    hourOfDay = currentHour;
    hourFrom = "now";
  } else {
    for (const [pattern, hour] of TIME_WORDS) {
      const match = pattern.exec(lower());
      if (!match) continue;
      hourOfDay = hour;
      hourFrom = match[0];
      // "tonight" also names the day, so it stays for the day pattern below.
      if (match[0] !== "tonight") take(pattern);
      break;
    }
  }

  const dayMatch = take(DAY_PHRASE);
  const dayWord = (dayMatch?.[1] ?? "").replace(/^(?:this|next|on)\s+/, "");
  const parsedDay = dayWord === "tonight" ? parseDay("today") : dayWord ? parseDay(dayWord) : null;
  const day: DaySpec = parsedDay?.ok ? parsedDay.value : { kind: "relative", offsetDays: 0 };

  const zoneMatch = take(ZONE_PHRASE);
  const zone = zoneMatch ? parseZone(zoneMatch[1] ?? "") : undefined;
  const words = rest
    .split(/\s+/)
    .filter((word) => word && !NOT_A_PLACE.has(word.toLowerCase().replace(/'/g, "")));
  const leftover = words.join(" ");
  const place: DelayQuestion["place"] = zone
    ? { kind: "zone", zone }
    : leftover && parseZone(leftover)
      ? { kind: "zone", zone: parseZone(leftover) as Zone }
      : leftover
        ? { kind: "area", area: leftover }
        : null;
  return {
    place,
    hourOfDay,
    hourFrom,
    day,
    promisedMinutes: promised?.ok ? promised.value : null,
  };
}
