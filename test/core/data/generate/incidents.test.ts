import { describe, expect, it } from "vitest";
import { AREAS } from "../../../../src/core/data/generate/areas.ts";
import { dayFromIsoDate, isoDate } from "../../../../src/core/data/generate/calendar.ts";
import { CAUSE_KEYWORDS, plantedIncidents } from "../../../../src/core/data/generate/incidents.ts";

describe("plantedIncidents", () => {
  it.each([90, 120, 200, 365, 400, 730])(
    "fits every incident in a %i-day period without same-zone overlaps",
    (days) => {
      const options = { seed: 1, days, endDate: "2026-11-20" };
      const first = isoDate(dayFromIsoDate(options.endDate) - days + 1);
      const incidents = plantedIncidents(options);
      expect(incidents.filter((i) => i.kind === "complaints").length).toBeGreaterThanOrEqual(10);
      for (const i of incidents) {
        expect(i.start >= first && i.end <= options.endDate && i.start <= i.end, i.id).toBe(true);
      }
      const zonal = incidents.filter((i) => i.kind !== "spend_surge");
      for (const a of zonal) {
        for (const b of zonal) {
          if (a === b || a.zone !== b.zone) continue;
          expect(a.end < b.start || b.end < a.start, `${a.id} overlaps ${b.id}`).toBe(true);
        }
      }
    },
  );

  it("plants a full calendar month of South-zone late deliveries and damaged packaging", () => {
    const south = plantedIncidents({ endDate: "2026-11-24" }).find(
      (i) => i.id === "south-late-damaged-month",
    );
    expect(south).toMatchObject({ zone: "South", scope: "zone", start: "2026-10-01", end: "2026-10-31" });
    expect(south?.causes).toEqual(["late_delivery", "damaged_packaging"]);
    expect(south?.areas).toEqual(AREAS.filter((a) => a.zone === "South").map((a) => a.name));
  });

  it("plants the sales drop on the last day only, in the West zone", () => {
    const drop = plantedIncidents({ endDate: "2026-11-20" }).find((i) => i.kind === "sales_drop");
    expect(drop).toMatchObject({ zone: "West", start: "2026-11-20", end: "2026-11-20" });
  });

  it("describes every complaint incident with known cities and the keywords of its causes", () => {
    const known = new Set(AREAS.map((a) => a.name));
    for (const i of plantedIncidents({ endDate: "2026-11-20" }).filter((x) => x.kind === "complaints")) {
      expect(i.areas.length).toBeGreaterThan(0);
      expect(i.areas.every((a) => known.has(a))).toBe(true);
      expect(i.zone).not.toBeNull();
      for (const cause of i.causes)
        expect(i.keywords).toEqual(expect.arrayContaining([...CAUSE_KEYWORDS[cause]]));
    }
  });

  it("refuses periods too short to hold the incidents, saying what to do", () => {
    expect(() => plantedIncidents({ days: 30, endDate: "2026-11-20" })).toThrow(
      /days must be a whole number of at least 90/,
    );
    expect(() => plantedIncidents({ endDate: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
  });
});
