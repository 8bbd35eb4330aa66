import { parseZone, ZONES, type Zone } from "../../data/zones.ts";
import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";
import { OTHER_THEME, themeOf } from "../answer/themes.ts";

export interface Place {
  zone: Zone | null;
  /** Area names as the data spells them ("HSR Layout"), and their area_key() values. */
  areas: string[];
  areaKeys: string[];
  /** Question text that named the place, so it is not also read as a topic. */
  matched: string[];
}

/** A place the question names that the data does not know: "Southwest zone", "in Atlantis". */
export interface UnknownPlace {
  ok: false;
  kind: "zone" | "place";
  name: string;
  knownZones: readonly Zone[];
}

export type PlaceParse = { ok: true; place: Place } | UnknownPlace;

/** Known area names by area_key, to spot "HSR Layout" or "Pune" inside a question. */
export type AreaIndex = Map<string, string>;

const MAX_AREA_WORDS = 4;
const ZONE_WORDS =
  /\b(north[- ]?east(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center)\b(?:\s+(?:zone|region)s?)?/i;
const NAMED_ZONE = /\b([a-z][a-z-]*)\s+(?:zone|region)s?\b/i;
/** "in Atlantis", "around Navi Mumbay": a capitalised name after a place preposition. */
const NAMED_PLACE = /\b(?:in|at|from|around|near)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})/u;

export async function loadAreaIndex(db: Queryable): Promise<AreaIndex> {
  const { rows } = await db.query<{ area: string }>(sqlQuery("zones_known_areas"));
  return new Map(rows.map((row) => [areaKey(row.area), row.area.trim()]));
}

/**
 * Finds the zone and/or areas a question is about. Areas are matched first (longest name
 * wins, so "Andheri West" is an area, not the West zone); a "<word> zone" that is no zone
 * is reported so the user can be told the known ones.
 */
export function parsePlace(question: string, areas: AreaIndex, ignoreWords: ReadonlySet<string>): PlaceParse {
  const words = question.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
  const found: Place = { zone: null, areas: [], areaKeys: [], matched: [] };
  const used = new Set<number>();
  for (let size = MAX_AREA_WORDS; size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const span = words.slice(start, start + size);
      const key = areaKey(span.join(" "));
      const area = areas.get(key);
      const overlaps = span.some((_, i) => used.has(start + i));
      if (!area || overlaps || key === "" || (size === 1 && ignoreWords.has(key)) || parseZone(key)) continue;
      for (let i = start; i < start + size; i++) used.add(i);
      if (!found.areaKeys.includes(key)) {
        found.areas.push(area);
        found.areaKeys.push(key);
      }
      found.matched.push(span.join(" "));
    }
  }
  const rest = words.filter((_, i) => !used.has(i)).join(" ");
  const zoneMatch = ZONE_WORDS.exec(rest);
  if (zoneMatch) {
    found.zone = parseZone(zoneMatch[0]) ?? null;
    found.matched.push(zoneMatch[0]);
  } else {
    const named = NAMED_ZONE.exec(rest);
    if (named && !parseZone(named[1] ?? ""))
      return { ok: false, kind: "zone", name: named[0], knownZones: ZONES };
  }
  if (found.zone === null && found.areas.length === 0) {
    const name = unknownPlaceName(rest, ignoreWords);
    if (name) return { ok: false, kind: "place", name, knownZones: ZONES };
  }
  return { ok: true, place: found };
}

/**
 * A capitalised name after "in"/"at"/"around"… that is no known place and no ordinary word
 * (a month, a weekday, a framing or complaint word): the user meant a place the data lacks, and
 * answering for all areas instead would mislead.
 */
function unknownPlaceName(text: string, ignoreWords: ReadonlySet<string>): string | null {
  const match = NAMED_PLACE.exec(text);
  const name = match?.[1]?.trim();
  if (!name) return null;
  const first = (name.split(/\s+/)[0] ?? "").toLowerCase();
  if (ignoreWords.has(first) || NOT_PLACE_NAMES.test(first) || themeOf(name, null) !== OTHER_THEME)
    return null;
  return name;
}

const NOT_PLACE_NAMES =
  /^(jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|(mon|tues|wednes|thurs|fri|satur|sun)day|q[1-4]|blinkit|slack)$/;

function areaKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
