/**
 * Scalar readers for CSV cells. Each returns the SQL-ready text (numbers stay text so money is
 * exact) or a `Problem` saying why the cell was refused; refusals quarantine the row.
 */

export class Problem {
  constructor(readonly reason: string) {}
}

export type Cell = string | null | Problem;

// Spreadsheet and pandas exports write missing numbers and dates as these; text keeps them as written.
const MISSING_MARKERS = new Set(["", "na", "n/a", "nan", "null", "none", "-", "nat"]);

/** An empty cell, or a missing-value marker in a number or date column. */
export function isMissing(raw: string): boolean {
  return MISSING_MARKERS.has(raw.toLowerCase());
}

// Thousands separators, Western (1,234,567) or Indian (12,34,567), and a leading ₹ / Rs.
const GROUPED = /^\d{1,3}(?:,\d{2,3})+(?:\.\d+)?$/;
const CURRENCY = /^(?:₹|rs\.?|inr)\s*/i;
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function plainNumber(raw: string): string | undefined {
  const value = raw.replace(CURRENCY, "");
  if (DECIMAL.test(value)) return value;
  if (GROUPED.test(value)) return value.replaceAll(",", "");
  return undefined;
}

export function readText(raw: string): Cell {
  const value = raw.trim();
  if (value === "") return null;
  // PostgreSQL text cannot hold NUL; refusing here keeps one bad cell from failing the whole file.
  if (value.includes("\u0000")) return new Problem("contains a NUL character");
  return value;
}

export function readDecimal(raw: string, field: string, limit: number, minimum?: number): Cell {
  const number = plainNumber(raw);
  if (number === undefined) return new Problem(`${field} '${raw}' is not a number`);
  const value = Number(number);
  if (minimum !== undefined && value < minimum) {
    return new Problem(`${field} ${raw} is negative`);
  }
  if (Math.abs(value) >= limit) return new Problem(`${field} ${raw} is too large`);
  return number;
}

export function readWholeNumber(raw: string, field: string, limit: number, minimum: number): Cell {
  const number = plainNumber(raw);
  // "12.0" from spreadsheet exports is still twelve.
  if (number === undefined || !/^[-+]?\d+(?:\.0*)?$/.test(number)) {
    return new Problem(`${field} '${raw}' is not a whole number`);
  }
  const value = Number(number);
  if (value < minimum) {
    return new Problem(
      minimum === 0 ? `${field} ${raw} is negative` : `${field} ${raw} must be at least ${minimum}`,
    );
  }
  if (value > limit) return new Problem(`${field} ${raw} is too large`);
  return String(value);
}

export function readRating(raw: string, field: string): Cell {
  const number = plainNumber(raw);
  const value = number === undefined ? Number.NaN : Number(number);
  if (!Number.isInteger(value) || value < 1 || value > 5) {
    return new Problem(`${field} '${raw}' is not a whole number from 1 to 5`);
  }
  return String(value);
}
