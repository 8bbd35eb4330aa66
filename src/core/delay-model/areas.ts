import { resolveArea, suggestAreas, type Zone } from "../data/zones.ts";
import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";

export interface AreaVolume {
  area: string;
  /** Delivered orders in the data. */
  orders: number;
}

/** Areas for the modal's select, busiest first, with their delivered-order counts. */
export async function listAreasForSelect(db: Queryable): Promise<AreaVolume[]> {
  const { rows } = await db.query<{ area: string; orders: number }>(sqlQuery("delay_areas"));
  return rows;
}

export type DelayTarget = { kind: "area"; area: string } | { kind: "zone"; zone: Zone };

/** The areas a prediction covers: one area, or every area of a zone weighted by its orders. */
export interface ResolvedTarget {
  label: string;
  kind: DelayTarget["kind"];
  areas: AreaVolume[];
  warnings: string[];
}

/** A request the user can fix: unknown area, empty zone. Carries close names when there are some. */
export class DelayInputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly suggestions: string[] = [],
  ) {
    super(message);
    this.name = "DelayInputError";
  }
}

export async function resolveDelayTarget(db: Queryable, target: DelayTarget): Promise<ResolvedTarget> {
  if (target.kind === "zone") {
    const { rows } = await db.query<{ area: string; orders: number }>(sqlQuery("delay_zone_areas"), [
      target.zone,
    ]);
    if (rows.length === 0) {
      throw new DelayInputError(
        `No delivered orders come from areas mapped to the ${target.zone} zone.`,
        "Pick another zone, or map your areas to zones with `blinkit zones add` (see `blinkit zones unmapped`).",
      );
    }
    return { label: `${target.zone} zone`, kind: "zone", areas: rows, warnings: [] };
  }
  const { rows } = await db.query<{ area: string; orders: number }>(sqlQuery("delay_area_lookup"), [
    target.area,
  ]);
  const found = rows[0];
  if (found) return { label: found.area, kind: "area", areas: [found], warnings: [] };
  const place = await resolveArea(db, target.area);
  if (place) {
    return {
      label: place.area,
      kind: "area",
      areas: [{ area: place.area, orders: 0 }],
      warnings: [
        `${place.area} has no delivered orders in the data, so it is scored as a typical ("other") area.`,
      ],
    };
  }
  const suggestions = await suggestAreas(db, target.area);
  throw new DelayInputError(
    `I have no delivered orders for an area called "${target.area}".`,
    suggestions.length > 0
      ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(", ")}?`
      : "Check the spelling, or run /delay-risk without arguments to pick an area from a list.",
    suggestions,
  );
}
