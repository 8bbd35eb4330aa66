import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREAS } from "../../../src/core/data/generate/areas.ts";
import {
  addAreaZone,
  importAreaZonesCsv,
  listUnmappedAreas,
  listZones,
  parseZone,
  resolveArea,
  suggestAreas,
  ZONES,
} from "../../../src/core/data/zones.ts";
import { migrate } from "../../../src/core/db/migrate.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";

// The convention from docs/zones.md, written out independently of the SQL that loads it.
const ZONE_OF_STATE: Record<string, string> = {
  Delhi: "North",
  Haryana: "North",
  Punjab: "North",
  "Himachal Pradesh": "North",
  "Jammu and Kashmir": "North",
  Ladakh: "North",
  Uttarakhand: "North",
  "Uttar Pradesh": "North",
  Chandigarh: "North",
  Rajasthan: "North",
  Karnataka: "South",
  Kerala: "South",
  "Tamil Nadu": "South",
  "Andhra Pradesh": "South",
  Telangana: "South",
  Puducherry: "South",
  Lakshadweep: "South",
  "Andaman and Nicobar Islands": "South",
  "West Bengal": "East",
  Odisha: "East",
  Bihar: "East",
  Jharkhand: "East",
  Maharashtra: "West",
  Gujarat: "West",
  Goa: "West",
  "Dadra and Nagar Haveli and Daman and Diu": "West",
  "Madhya Pradesh": "Central",
  Chhattisgarh: "Central",
  Assam: "North-East",
  "Arunachal Pradesh": "North-East",
  Manipur: "North-East",
  Meghalaya: "North-East",
  Mizoram: "North-East",
  Nagaland: "North-East",
  Sikkim: "North-East",
  Tripura: "North-East",
};

describe("parseZone", () => {
  it.each([
    ["south", "South"],
    ["South Zone", "South"],
    ["  WEST  ", "West"],
    ["northern", "North"],
    ["northeast", "North-East"],
    ["North-East", "North-East"],
    ["north east", "North-East"],
    ["NE", "North-East"],
    ["the east zone", "East"],
    ["centre", "Central"],
  ])("reads %j as %s", (text, zone) => {
    expect(parseZone(text)).toBe(zone);
  });

  it.each(["", "southwest", "zone", "N", "Karnataka"])("rejects %j", (text) => {
    expect(parseZone(text)).toBeUndefined();
  });
});

describe.each(ENGINES)("area zones on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t.dispose());

  it("ships hundreds of built-in areas, every state in its conventional zone", async () => {
    const { rows: counts } = await t.db.query<{ n: number }>(
      "select count(*) as n from area_zones where source = 'builtin'",
    );
    expect(counts[0]?.n).toBeGreaterThanOrEqual(1000);
    const { rows } = await t.db.query<{ state: string; zone: string }>(
      "select distinct state, zone from area_zones order by state",
    );
    expect(Object.fromEntries(rows.map((r) => [r.state, r.zone]))).toEqual(ZONE_OF_STATE);
  });

  it.each([
    ["Bengaluru", "Karnataka", "South"],
    ["bangalore", "Karnataka", "South"],
    ["  HSR   layout ", "Karnataka", "South"],
    ["Gurgaon", "Haryana", "North"],
    ["Guwahati", "Assam", "North-East"],
    ["Indore", "Madhya Pradesh", "Central"],
    ["Calcutta", "West Bengal", "East"],
    ["Bombay", "Maharashtra", "West"],
    ["Andheri West", "Maharashtra", "West"],
    ["Connaught Place", "Delhi", "North"],
    ["Gachibowli", "Telangana", "South"],
    ["Kirari Suleman Nagar", "Delhi", "North"],
  ])("resolves %j to %s, %s", async (text, state, zone) => {
    expect(await resolveArea(t.db, text)).toMatchObject({ state, zone });
  });

  it("maps every city the data generator uses to the generator's state and zone", async () => {
    for (const city of AREAS) {
      expect(await resolveArea(t.db, city.name), city.name).toEqual({
        area: city.name,
        state: city.state,
        zone: city.zone,
      });
    }
  });

  it("maps the generator's named localities to their city's zone", async () => {
    // Numbered sectors and abbreviations like "NIT" repeat across cities, so they stay unmapped.
    const named = AREAS.flatMap((city) =>
      city.localities
        .filter((l) => !/^Sector \d+$|^NIT$/.test(l))
        .map((l) => ({ locality: l, zone: city.zone })),
    );
    expect(named.length).toBeGreaterThan(50);
    for (const { locality, zone } of named) {
      expect((await resolveArea(t.db, locality))?.zone, locality).toBe(zone);
    }
  });

  it("resolves nothing for an unknown area", async () => {
    expect(await resolveArea(t.db, "Atlantis")).toBeUndefined();
  });

  it("suggests close names for misspellings and prefixes", async () => {
    expect(await suggestAreas(t.db, "Bangalor")).toContain("Bangalore");
    expect((await suggestAreas(t.db, "Koramangla"))[0]).toBe("Koramangala");
    expect(await suggestAreas(t.db, "Qwzxy")).toEqual([]);
    expect(await suggestAreas(t.db, "Ban", 3)).toHaveLength(3);
  });

  it("reports areas of customers and orders that no mapping covers", async () => {
    await t.db.query(
      `insert into customers (customer_id, area) values
         ('z-c1', 'Atlantis'), ('z-c2', 'atlantis '), ('z-c3', 'Bengaluru'), ('z-c4', null)`,
    );
    await t.db.query(
      `insert into orders (order_id, customer_id, order_date, order_total, area) values
         ('z-o1', 'z-c1', '2024-07-17 08:34:01+05:30', 120, null),
         ('z-o2', 'z-c4', '2024-07-17 09:00:00+05:30', 80, 'El Dorado')`,
    );
    const unmapped = await listUnmappedAreas(t.db);
    expect(unmapped).toEqual([
      { area: "Atlantis", customers: 2 },
      { area: "El Dorado", customers: 1 },
    ]);
    const zones = await listZones(t.db);
    expect(zones.map((z) => z.zone)).toEqual([...ZONES]);
    expect(zones.find((z) => z.zone === "South")?.customers).toBe(1);
    expect(zones.every((z) => z.areas > 0)).toBe(true);
  });

  it("lets a user mapping override a built-in one, and keeps it when the built-ins load again", async () => {
    expect(await addAreaZone(t.db, { area: "Mysore", state: "Karnataka", zone: "west zone" })).toBe(
      "updated",
    );
    expect(await addAreaZone(t.db, { area: "Lemuria", state: "Kerala", zone: "South" })).toBe("added");
    await t.db.query("delete from schema_migrations where name = '003_area_zones_data.sql'");
    const report = await migrate(t.db);
    expect(report.applied).toContain("003_area_zones_data.sql");
    expect(await resolveArea(t.db, "mysore")).toEqual({ area: "Mysore", state: "Karnataka", zone: "West" });
    expect(await resolveArea(t.db, "Lemuria")).toEqual({ area: "Lemuria", state: "Kerala", zone: "South" });
    expect(await resolveArea(t.db, "Mysuru")).toMatchObject({ zone: "South" });
  });

  it("refuses a mapping with an unknown zone, saying which zones exist", async () => {
    await expect(addAreaZone(t.db, { area: "Mu", state: "Kerala", zone: "Southish" })).rejects.toThrow(
      /"Southish" is not a zone; use one of North, South/,
    );
    expect(await resolveArea(t.db, "Mu")).toBeUndefined();
  });

  it("imports a CSV, reporting bad lines and keeping the good ones", async () => {
    const csv = [
      "Zone,Area,State",
      "North-East,Shangri-La,Sikkim",
      "nowhere,Avalon,Goa",
      "West,Udupi,Karnataka",
      "South,,Kerala",
      '"North East","Shangri-la",Sikkim',
      "Central,Camelot,",
    ].join("\n");
    const report = await importAreaZonesCsv(t.db, csv);
    expect(report.added).toBe(1);
    expect(report.updated).toBe(1);
    expect(report.problems).toEqual([
      {
        line: 3,
        reason: '"nowhere" is not a zone; use one of North, South, East, West, Central, North-East',
      },
      { line: 5, reason: "the area is empty; give a city or locality name" },
      { line: 6, reason: 'area "Shangri-la" was already given on line 2; skipped' },
      { line: 7, reason: 'the state for "Camelot" is empty; give its Indian state or union territory' },
    ]);
    expect(await resolveArea(t.db, "shangri-la")).toEqual({
      area: "Shangri-La",
      state: "Sikkim",
      zone: "North-East",
    });
    expect(await resolveArea(t.db, "Udupi")).toMatchObject({ zone: "West" });
    expect(await resolveArea(t.db, "Avalon")).toBeUndefined();
  });

  it("rejects a CSV without the area,state,zone header, naming what is missing", async () => {
    await expect(importAreaZonesCsv(t.db, "city,zone\nPune,West\n")).rejects.toThrow(
      /no area, state column \(found: city, zone\)/,
    );
  });
});
