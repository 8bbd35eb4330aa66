import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isoDate } from "./calendar.ts";
import { buildCatalog } from "./catalog.ts";
import { CustomerBase } from "./customers.ts";
import { scheduleIncidents } from "./incidents.ts";
import { writeInventory } from "./inventory.ts";
import { BLINKIT_FILES, type BlinkitFile, PLANTED_INCIDENTS_FILE } from "./layout.ts";
import { writeMarketing } from "./marketing.ts";
import { type GenerateOptions, resolveOptions } from "./options.ts";
import { writeOrderFiles } from "./orders.ts";
import { writeCustomers, writeProducts } from "./reference-files.ts";

export interface GenerateSummary {
  outDir: string;
  seed: number;
  /** Data rows per file (headers not counted), keyed by file name. */
  rows: Record<string, number>;
  /** First and last data day, `YYYY-MM-DD`. */
  from: string;
  to: string;
  days: number;
  durationMs: number;
}

/**
 * Writes a deterministic, realistic Blinkit export (the eight CSV files of the public Kaggle
 * layout) plus `planted_incidents.json` into `outDir`. The same options always produce
 * byte-identical files; memory stays bounded at a million orders because rows are streamed.
 * `onProgress` reports orders written so far against the total.
 */
export async function generateDataset(
  options: GenerateOptions,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<GenerateSummary> {
  const started = performance.now();
  const o = resolveOptions(options);
  await mkdir(outDir, { recursive: true });
  const catalog = buildCatalog(o.seed);
  const incidents = scheduleIncidents(o);
  const customers = new CustomerBase(o);

  const counts: Record<BlinkitFile, number> = {
    products: await writeProducts(catalog, outDir),
    ...(await writeOrderFiles(o, catalog, customers, incidents, outDir, onProgress)),
    customers: await writeCustomers(o, customers, outDir),
    marketing: await writeMarketing(o, incidents, outDir),
    inventory: await writeInventory(o, catalog, outDir),
  };
  await writeFile(
    join(outDir, PLANTED_INCIDENTS_FILE),
    `${JSON.stringify({ seed: o.seed, from: isoDate(o.startDay), to: isoDate(o.endDay), incidents: incidents.map((i) => i.incident) }, null, 2)}\n`,
  );

  const rows: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) rows[BLINKIT_FILES[key as BlinkitFile].file] = n;
  return {
    outDir,
    seed: o.seed,
    rows,
    from: isoDate(o.startDay),
    to: isoDate(o.endDay),
    days: o.days,
    durationMs: Math.round(performance.now() - started),
  };
}
