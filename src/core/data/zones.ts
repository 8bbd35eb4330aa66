import { type InfoRecord, parse } from "csv-parse/sync";
import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";

/** The sales zones every area maps to (convention in docs/zones.md). */
export const ZONES = ["North", "South", "East", "West", "Central", "North-East"] as const;
export type Zone = (typeof ZONES)[number];

export interface AreaZone {
  area: string;
  state: string;
  zone: Zone;
}

export interface ZoneSummary {
  zone: Zone;
  /** Area names (cities, localities, spellings) mapped to the zone. */
  areas: number;
  /** Distinct customers whose area (customer's or per-order) maps to the zone. */
  customers: number;
}

export interface UnmappedArea {
  area: string;
  customers: number;
}

export interface CsvProblem {
  /** Line in the CSV text, 1-based, header included. */
  line: number;
  reason: string;
}

export interface CsvImportReport {
  added: number;
  updated: number;
  problems: CsvProblem[];
}

// Compacted spellings (lower case, letters only, "zone"/"region" dropped) → zone.
const ZONE_SPELLINGS: Record<string, Zone> = {
  north: "North",
  northern: "North",
  south: "South",
  southern: "South",
  east: "East",
  eastern: "East",
  west: "West",
  western: "West",
  central: "Central",
  centre: "Central",
  center: "Central",
  northeast: "North-East",
  northeastern: "North-East",
  ne: "North-East",
};

/** Reads a zone the way people write it: "south", "South Zone", "northeast", "NE", "north east". */
export function parseZone(text: string): Zone | undefined {
  const compact = text
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/^the/, "")
    .replace(/(zones?|regions?)$/, "");
  return ZONE_SPELLINGS[compact];
}

const zoneList = ZONES.join(", ");

/** Zones in their fixed order, with how many areas map to each and how many customers live there. */
export async function listZones(db: Queryable): Promise<ZoneSummary[]> {
  const { rows } = await db.query<{ zone: Zone; areas: number; customers: number }>(sqlQuery("zones_list"), [
    ZONES,
  ]);
  return rows;
}

/** The state and zone of an area name (case and spacing don't matter), if it is mapped. */
export async function resolveArea(db: Queryable, text: string): Promise<AreaZone | undefined> {
  const { rows } = await db.query<{ area: string; state: string; zone: Zone }>(sqlQuery("zones_resolve"), [
    text,
  ]);
  return rows[0];
}

/**
 * Known area names close to `text`, best first, for "unknown area, did you mean…". Names that
 * start with the text (or that the text starts with) come first, then names within a few typos.
 */
export async function suggestAreas(db: Queryable, text: string, limit = 5): Promise<string[]> {
  const wanted = areaKey(text);
  if (wanted === "") return [];
  const { rows } = await db.query<{ area: string }>(sqlQuery("zones_known_areas"));
  const scored = new Map<string, { area: string; score: number }>();
  for (const { area } of rows) {
    const key = areaKey(area);
    const score = closeness(wanted, key);
    const previous = scored.get(key);
    if (score !== undefined && (previous === undefined || score < previous.score)) {
      scored.set(key, { area, score });
    }
  }
  return [...scored.values()]
    .sort((a, b) => a.score - b.score || a.area.localeCompare(b.area))
    .slice(0, limit)
    .map((s) => s.area);
}

/** Areas in the data that no mapping covers, with their customer counts, most customers first. */
export async function listUnmappedAreas(db: Queryable): Promise<UnmappedArea[]> {
  const { rows } = await db.query<{ area: string; customers: number }>(sqlQuery("zones_unmapped"));
  return rows;
}

/**
 * Adds or corrects one mapping as a user row: it replaces a built-in row of the same name, and
 * built-in rows never replace it. The zone is read forgivingly ("south zone", "NE").
 * Returns whether the name was new.
 */
export async function addAreaZone(
  db: Queryable,
  input: { area: string; state: string; zone: string },
): Promise<"added" | "updated"> {
  const mapping = toMapping(input.area, input.state, input.zone);
  if (typeof mapping === "string") throw new Error(`Cannot add the area mapping: ${mapping}.`);
  const [inserted] = await upsertUserMappings(db, [mapping]);
  return inserted ? "added" : "updated";
}

/**
 * Loads user mappings from CSV text with the header `area,state,zone` (any order, any case;
 * other columns ignored). Bad lines are reported and skipped; the good ones are saved in one statement.
 */
export async function importAreaZonesCsv(db: Queryable, csvText: string): Promise<CsvImportReport> {
  const { header, records } = readCsv(csvText);
  const missing = ["area", "state", "zone"].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(
      `The area-zone CSV has no ${missing.join(", ")} column (found: ${header.join(", ") || "nothing"}). ` +
        "Its first line must be the header area,state,zone.",
    );
  }
  const problems: CsvProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const mappings: AreaZone[] = [];
  for (const { line, values } of records) {
    const cell = (column: string): string => values[header.indexOf(column)] ?? "";
    const mapping = toMapping(cell("area"), cell("state"), cell("zone"));
    if (typeof mapping === "string") {
      problems.push({ line, reason: mapping });
      continue;
    }
    const key = areaKey(mapping.area);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      problems.push({ line, reason: `area "${mapping.area}" was already given on line ${earlier}; skipped` });
      continue;
    }
    firstLineOf.set(key, line);
    mappings.push(mapping);
  }
  const inserted = mappings.length > 0 ? await upsertUserMappings(db, mappings) : [];
  const added = inserted.filter(Boolean).length;
  return { added, updated: inserted.length - added, problems };
}

async function upsertUserMappings(db: Queryable, mappings: AreaZone[]): Promise<boolean[]> {
  const { rows } = await db.query<{ inserted: boolean }>(sqlQuery("zones_upsert_user"), [
    mappings.map((m) => m.area),
    mappings.map((m) => m.state),
    mappings.map((m) => m.zone),
  ]);
  return rows.map((row) => row.inserted);
}

/** A trimmed, valid mapping, or the reason (for a user) why it is not one. */
function toMapping(areaText: string, stateText: string, zoneText: string): AreaZone | string {
  const [area, state, given] = [areaText.trim(), stateText.trim(), zoneText.trim()];
  if (area === "") return "the area is empty; give a city or locality name";
  if (state === "") return `the state for "${area}" is empty; give its Indian state or union territory`;
  if (given === "") return `the zone for "${area}" is empty; use one of ${zoneList}`;
  const zone = parseZone(given);
  if (zone === undefined) return `"${given}" is not a zone; use one of ${zoneList}`;
  return { area, state, zone };
}

function readCsv(csvText: string): { header: string[]; records: { line: number; values: string[] }[] } {
  let rows: { record: string[]; info: InfoRecord }[];
  try {
    // With `info: true` each record comes wrapped with its line; csv-parse's types don't say so.
    rows = parse(csvText, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof rows;
  } catch (error) {
    throw new Error(`The area-zone CSV could not be read (${(error as Error).message}). Check its quoting.`);
  }
  const [first, ...rest] = rows;
  return {
    header: (first?.record ?? []).map((column) => column.trim().toLowerCase()),
    records: rest.map(({ record, info }) => ({ line: info.lines, values: record })),
  };
}

/** Same normalisation as the SQL function `area_key`. */
function areaKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Lower is closer; undefined when too far to suggest. */
function closeness(wanted: string, candidate: string): number | undefined {
  if (candidate === wanted) return 0;
  if (candidate.startsWith(wanted) || wanted.startsWith(candidate)) {
    return Math.min(wanted.length, candidate.length) >= 3 ? 0.5 : undefined;
  }
  const allowed = Math.max(1, Math.floor(wanted.length / 4));
  const distance = editDistance(wanted, candidate, allowed);
  return distance <= allowed ? distance : undefined;
}

/** Levenshtein distance, stopping early once every path exceeds `cap`. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    if (Math.min(...current) > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
