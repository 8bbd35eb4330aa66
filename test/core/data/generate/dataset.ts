import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { AREAS, type Zone } from "../../../../src/core/data/generate/areas.ts";
import { BLINKIT_FILES, type BlinkitFile } from "../../../../src/core/data/generate/layout.ts";

export type CsvRow = Record<string, string>;

/** A generated dataset read back with an independent CSV parser, plus the joins tests need. */
export interface Dataset {
  rows: Record<BlinkitFile, CsvRow[]>;
  headers: Record<BlinkitFile, string[]>;
  zoneOfCustomer: Map<string, Zone>;
  areaOfCustomer: Map<string, string>;
  orderById: Map<string, CsvRow>;
}

export function readDataset(dir: string): Dataset {
  const rows = {} as Record<BlinkitFile, CsvRow[]>;
  const headers = {} as Record<BlinkitFile, string[]>;
  for (const [key, spec] of Object.entries(BLINKIT_FILES) as [BlinkitFile, { file: string }][]) {
    const records = parse(readFileSync(join(dir, spec.file)), { relax_column_count: false }) as string[][];
    const [header, ...data] = records;
    headers[key] = header ?? [];
    rows[key] = data.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
  }
  const zoneByArea = new Map(AREAS.map((a) => [a.name, a.zone]));
  const zoneOfCustomer = new Map<string, Zone>();
  const areaOfCustomer = new Map<string, string>();
  for (const c of rows.customers) {
    areaOfCustomer.set(c.customer_id as string, c.area as string);
    const zone = zoneByArea.get(c.area as string);
    if (zone) zoneOfCustomer.set(c.customer_id as string, zone);
  }
  return {
    rows,
    headers,
    zoneOfCustomer,
    areaOfCustomer,
    orderById: new Map(rows.orders.map((o) => [o.order_id as string, o])),
  };
}

export const dayOf = (timestamp: string): string => timestamp.slice(0, 10);
export const hourOf = (timestamp: string): number => Number(timestamp.slice(11, 13));
export const isLate = (order: CsvRow): boolean =>
  order.delivery_status !== "Cancelled" &&
  (order.actual_delivery_time as string) > (order.promised_delivery_time as string);

export function promisedMinutes(order: CsvRow): number {
  const ms = (t: string) => Date.parse(`${t.replace(" ", "T")}Z`);
  return (ms(order.promised_delivery_time as string) - ms(order.order_date as string)) / 60_000;
}

/** Share of `rows` for which `test` holds, grouped by `key`. */
export function rateBy<T>(
  rows: readonly T[],
  key: (r: T) => string | number,
  test: (r: T) => boolean,
): Map<string | number, number> {
  const counts = new Map<string | number, [number, number]>();
  for (const r of rows) {
    const k = key(r);
    const c = counts.get(k) ?? [0, 0];
    c[0] += test(r) ? 1 : 0;
    c[1] += 1;
    counts.set(k, c);
  }
  return new Map([...counts].map(([k, [hit, n]]) => [k, hit / n]));
}

/** ROC-AUC of scores against 0/1 labels (Mann–Whitney, ties share their rank). */
export function rocAuc(scored: readonly { score: number; label: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]?.score === sorted[i]?.score) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]?.label) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
