import { isIsoDate, type RangeSpec } from "../kpis/range.ts";

export type RoasRequest =
  | { kind: "kpis"; range: RangeSpec; label: string }
  | { kind: "help" }
  | { kind: "sql" };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NAMED_RANGES: Record<string, number> = {
  week: 7,
  month: 30,
  year: 365,
};

/** Longest "last N days" window offered; beyond it, explicit dates read better. */
export const MAX_DAYS = 730;

/**
 * Parses `/roas` arguments: "" (30 days), "7d" / "7" / "week", "30d" / "month", "365d" / "year",
 * any "Nd" up to 730, "YYYY-MM-DD..YYYY-MM-DD", "help", "sql".
 */
export function parseRoasArgs(text: string): Parsed<RoasRequest> {
  const input = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (input === "") return lastDays(30);
  if (input === "help" || input === "?") return { ok: true, value: { kind: "help" } };
  if (input === "sql") return { ok: true, value: { kind: "sql" } };
  const named = NAMED_RANGES[input.replace(/^last /, "")];
  if (named) return lastDays(named);
  const days = /^(?:last )?(\d{1,4}) ?(?:d|days?)?$/.exec(input);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_DAYS) {
      return {
        ok: false,
        message: `"${text.trim()}" is out of range: choose between 1 and ${MAX_DAYS} days.`,
      };
    }
    return lastDays(n);
  }
  const between = /^(\d{4}-\d{2}-\d{2}) ?(?:\.\.|to|–|—) ?(\d{4}-\d{2}-\d{2})$/.exec(input);
  if (between) {
    const [, from = "", to = ""] = between;
    const bad = [from, to].find((d) => !isIsoDate(d));
    if (bad) return { ok: false, message: `"${bad}" is not a real calendar date (use YYYY-MM-DD).` };
    if (from > to) {
      return {
        ok: false,
        message: `The dates are reversed: ${from} is after ${to}. Try /roas ${to}..${from}.`,
      };
    }
    return {
      ok: true,
      value: { kind: "kpis", range: { kind: "between", from, to }, label: `${from} to ${to}` },
    };
  }
  return { ok: false, message: `I don't understand "${text.trim()}" as a period.` };
}

function lastDays(days: number): Parsed<RoasRequest> {
  return { ok: true, value: { kind: "kpis", range: { kind: "last", days }, label: `last ${days} days` } };
}
