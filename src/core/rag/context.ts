import { sqlQuery } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { referenceDay } from "./retrieve/period.ts";

/** The calendar day of an instant in the reporting time zone (the SQL business_day in TS). */
export function businessDayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** "Today" for questions: the day after the latest data for a historical export (see referenceDay). */
export async function questionDay(db: Queryable, now: Date, timeZone: string): Promise<string> {
  const { rows } = await db.query<{ latest_day: string | null }>(sqlQuery("rag_latest_day"));
  return referenceDay(rows[0]?.latest_day ?? null, businessDayOf(now, timeZone));
}
