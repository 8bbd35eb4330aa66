import { rm } from "node:fs/promises";
import type { Db } from "../db/types.ts";
import { type GenerateOptions, generateDataset } from "./generate/index.ts";
import type { ImportSummary } from "./import/index.ts";
import { hasOrders, loadDataDirectory } from "./load.ts";

export interface DemoDataOptions {
  /** Scratch folder for the generated CSVs; removed after loading. */
  dir: string;
  generate?: GenerateOptions;
  timeZone?: string;
  onPhase?: (phase: "generate" | "import", done: number, total?: number) => void;
}

/**
 * First-run experience of the embedded console: an empty database gets deterministic demo data
 * (about a year of orders, marketing and feedback ending yesterday), so the first /roas answers.
 * A database that already has orders is left alone.
 */
export async function ensureDemoData(db: Db, options: DemoDataOptions): Promise<ImportSummary | undefined> {
  if (await hasOrders(db)) return undefined;
  await generateDataset(options.generate ?? {}, options.dir, (done, total) =>
    options.onPhase?.("generate", done, total),
  );
  try {
    return await loadDataDirectory(db, options.dir, {
      timeZone: options.timeZone,
      onProgress: (_file, done, total) => options.onPhase?.("import", done, total),
    });
  } finally {
    await rm(options.dir, { recursive: true, force: true });
  }
}
