import { describe, expect, it } from "vitest";
import { AREAS, ZONES } from "../../../../src/core/data/generate/areas.ts";

describe("AREAS", () => {
  it("lists 40-60 distinct Indian cities covering every zone, weighted toward metros", () => {
    expect(AREAS.length).toBeGreaterThanOrEqual(40);
    expect(AREAS.length).toBeLessThanOrEqual(60);
    expect(new Set(AREAS.map((a) => a.name.toLowerCase())).size).toBe(AREAS.length);
    expect(new Set(AREAS.map((a) => a.zone))).toEqual(new Set(ZONES));
    const weight = (name: string) => AREAS.find((a) => a.name === name)?.weight ?? 0;
    expect(weight("Delhi")).toBeGreaterThan(5 * weight("Meerut"));
  });

  it("gives each city a valid six-digit PIN range", () => {
    for (const a of AREAS) {
      expect(a.pincodes[0]).toBeGreaterThanOrEqual(110_000);
      expect(a.pincodes[1]).toBeLessThan(1_000_000);
      expect(a.pincodes[0]).toBeLessThanOrEqual(a.pincodes[1]);
    }
  });
});
