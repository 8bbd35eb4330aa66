import { isIsoDate } from "../kpis/range.ts";
import { isTimeZone, parseLocalTime } from "./clock.ts";
import { DIGEST_SECTIONS, type DigestSection, isDigestSection } from "./schedule.ts";

export type DigestRequest =
  | { kind: "help" }
  | { kind: "list" }
  | {
      kind: "subscribe";
      localTime: string;
      timeZone?: string;
      channel?: string;
      sections?: DigestSection[];
    }
  | { kind: "unsubscribe"; channel?: string }
  | { kind: "preview"; channel?: string; reportDate?: string };

export type ParsedDigest = { ok: true; value: DigestRequest } | { ok: false; message: string };

const fail = (message: string): ParsedDigest => ({ ok: false, message });

/**
 * Parses `/digest …`. Words after the verb may come in any order: a time (08:30), an IANA
 * zone (Asia/Kolkata), a channel (#kpis, or Slack's <#C0123|kpis> mention), `sections=a,b`,
 * and for preview a date (2026-11-25).
 */
export function parseDigestArgs(text: string): ParsedDigest {
  const [verb = "", ...words] = text.trim().split(/\s+/).filter(Boolean);
  switch (verb.toLowerCase()) {
    case "":
    case "help":
      return { ok: true, value: { kind: "help" } };
    case "list":
      return words.length === 0
        ? { ok: true, value: { kind: "list" } }
        : fail("`/digest list` takes no options.");
    case "subscribe":
      return build(words, ["time", "zone", "channel", "sections"], (w) =>
        w.time
          ? {
              kind: "subscribe",
              localTime: w.time,
              timeZone: w.zone,
              channel: w.channel,
              sections: w.sections,
            }
          : "Say when: `/digest subscribe 08:30` (24-hour time, optionally a time zone such as Asia/Kolkata).",
      );
    case "unsubscribe":
      return build(words, ["channel"], (w) => ({ kind: "unsubscribe", channel: w.channel }));
    case "preview":
      return build(words, ["channel", "date"], (w) => ({
        kind: "preview",
        channel: w.channel,
        reportDate: w.date,
      }));
    default:
      return fail(`I don't know "/digest ${verb}". Use subscribe, unsubscribe, preview, list or help.`);
  }
}

interface Words {
  time?: string;
  zone?: string;
  channel?: string;
  sections?: DigestSection[];
  date?: string;
}

type WordKind = keyof Words;

/** Sorts the words into their kinds, then lets the verb make its request (or a complaint). */
function build(
  words: string[],
  allowed: WordKind[],
  make: (words: Words) => DigestRequest | string,
): ParsedDigest {
  const found: Words = {};
  for (const word of words) {
    const parsed = classify(word);
    if (!parsed.ok) return fail(parsed.message);
    const { kind, value } = parsed;
    if (!allowed.includes(kind)) return fail(`"${word}" doesn't belong here.`);
    if (found[kind] !== undefined) return fail(`Give only one ${kind}: "${word}" is a second one.`);
    Object.assign(found, { [kind]: value });
  }
  const request = make(found);
  return typeof request === "string" ? fail(request) : { ok: true, value: request };
}

type Classified =
  | { ok: true; kind: WordKind; value: string | DigestSection[] }
  | { ok: false; message: string };

function classify(word: string): Classified {
  const minutes = parseLocalTime(word);
  if (minutes !== undefined) {
    const [hours = "", mins = ""] = word.split(":");
    return { ok: true, kind: "time", value: `${hours.padStart(2, "0")}:${mins}` };
  }
  const channel = parseChannel(word);
  if (channel) return { ok: true, kind: "channel", value: channel };
  if (/^\d{4}-\d{2}-\d{2}$/.test(word)) {
    if (isIsoDate(word)) return { ok: true, kind: "date", value: word };
    return { ok: false, message: `"${word}" isn't a real date.` };
  }
  const sections = /^sections=(.+)$/i.exec(word);
  if (sections) return parseSections(sections[1] ?? "");
  if (word.includes("/") || word.toUpperCase() === "UTC") {
    const zone = word.toUpperCase() === "UTC" ? "UTC" : word;
    if (isTimeZone(zone)) return { ok: true, kind: "zone", value: zone };
    return {
      ok: false,
      message: `"${word}" isn't a time zone I know. Use an IANA name such as Asia/Kolkata, Europe/London or UTC.`,
    };
  }
  if (/^\d/.test(word))
    return { ok: false, message: `"${word}" isn't a time: use 24-hour HH:MM, e.g. 08:30.` };
  return { ok: false, message: `I don't understand "${word}".` };
}

function parseSections(list: string): Classified {
  const names = list.split(",").map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !isDigestSection(name));
  if (unknown.length > 0 || names.length === 0) {
    return {
      ok: false,
      message: `Unknown section${unknown.length === 1 ? "" : "s"} ${unknown.map((n) => `"${n}"`).join(", ")}. Choose from ${DIGEST_SECTIONS.join(", ")}.`,
    };
  }
  return { ok: true, kind: "sections", value: DIGEST_SECTIONS.filter((s) => names.includes(s)) };
}

/**
 * A channel as Slack sends it in command text (<#C0123ABC|name> or <#C0123ABC>), a bare
 * channel id, or #name. Returns the id when there is one, since names can change.
 */
export function parseChannel(word: string): string | undefined {
  const mention = /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/.exec(word);
  if (mention) return mention[1];
  if (/^[CG][A-Z0-9]{8,}$/.test(word)) return word;
  if (/^#[a-z0-9][a-z0-9_-]{0,79}$/.test(word)) return word;
  return undefined;
}
