import { dayFromIsoDate, yesterdayInKolkata } from "./calendar.ts";

export interface GenerateOptions {
  /** Seed of every random draw: the same options always give byte-identical files. Default 42. */
  seed?: number;
  /** Number of orders to generate. Default 50 000; 1 000 000 runs in bounded memory. */
  orders?: number;
  /** Length of the data period in days, ending on `endDate`. Default 400 (at least 90). */
  days?: number;
  /** Last data day, `YYYY-MM-DD` (Asia/Kolkata). Default: yesterday in Asia/Kolkata. */
  endDate?: string;
  /** Number of customers. Default: one per eight orders (at least 200). */
  customers?: number;
}

/** Options with every default applied and the period expressed as day numbers. */
export interface ResolvedOptions {
  seed: number;
  orders: number;
  days: number;
  customers: number;
  /** First and last data day (days since 1970-01-01), inclusive. */
  startDay: number;
  endDay: number;
}

/** The planted incidents need room: a full calendar month, four-week baselines, a spend surge. */
export const MIN_DAYS = 90;

export function resolveOptions(options: GenerateOptions, now: Date = new Date()): ResolvedOptions {
  const seed = options.seed ?? 42;
  const orders = options.orders ?? 50_000;
  const days = options.days ?? 400;
  requireInteger("seed", seed, 0);
  requireInteger("orders", orders, 1);
  requireInteger("days", days, MIN_DAYS);
  const customers = options.customers ?? Math.max(200, Math.round(orders / 8));
  requireInteger("customers", customers, 60);
  const endDay = dayFromIsoDate(options.endDate ?? yesterdayInKolkata(now));
  return { seed, orders, days, customers, startDay: endDay - days + 1, endDay };
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`Option ${name} must be a whole number of at least ${min} (got ${value})`);
  }
}
