import { parseZone, ZONES, type Zone } from "../../data/zones.ts";
import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";

export interface Place {
  zone: Zone | null;
  /** Area names as the data spells them ("HSR Layout"), and their area_key() values. */
  areas: string[];
  areaKeys: string[];
  /** Question text that named the place, so it is not also read as a topic. */
  matched: string[];
}

export type PlaceParse =
  | { ok: true; place: Place }
  | { ok: false; unknownZone: string; knownZones: readonly Zone[] };

/** Known area names by area_key, to spot "HSR Layout" or "Pune" inside a question. */
export type AreaIndex = Map<string, string>;

const MAX_AREA_WORDS = 4;
const ZONE_WORDS =
  /\b(north[- ]?east(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central|centre|center)\b(?:\s+(?:zone|region)s?)?/i;
const NAMED_ZONE = /\b([a-z][a-z-]*)\s+(?:zone|region)s?\b/i;

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
    if (named && !parseZone(named[1] ?? "")) return { ok: false, unknownZone: named[0], knownZones: ZONES };
  }
  return { ok: true, place: found };
}

function areaKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}
