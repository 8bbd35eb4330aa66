import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GenerateOptions } from "./options.ts";

/** The small dataset committed under data/sample, for tests and a first look without generating. */
export const SAMPLE_OPTIONS = {
  seed: 7,
  orders: 3_000,
  days: 120,
  endDate: "2026-11-20",
} as const satisfies GenerateOptions;

export const SAMPLE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "..",
  "data",
  "sample",
);
