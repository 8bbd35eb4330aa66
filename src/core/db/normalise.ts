/**
 * Both engines must hand core code the same JavaScript types. Left alone, `pg` returns
 * bigint (`count(*)`) and numeric as strings while PGlite returns bigint as a number,
 * and both turn `date` into a Date at local midnight, which shifts days across time zones.
 * These parsers, keyed by PostgreSQL type OID, are installed on both engines.
 */
export const TYPE_OIDS = {
  int8: 20,
  numeric: 1700,
  date: 1082,
} as const;

const toNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

export const normalisingParsers: Record<number, (value: string) => unknown> = {
  [TYPE_OIDS.int8]: toNumber,
  // Money is numeric(14,2) in SQL; as a double it is exact to the paisa far beyond any real total.
  [TYPE_OIDS.numeric]: toNumber,
  [TYPE_OIDS.date]: keepText,
};
