import { randomUUID } from "node:crypto";
import type { Db } from "../../db/types.ts";
import { listUnmappedAreas } from "../zones.ts";
import { loadFile } from "./load.ts";
import { DEFAULT_BATCH_SIZE, type ImportOptions } from "./options.ts";
import { type FilePlan, planDirectory, type TablePlan } from "./plan.ts";
import {
  describeFilledFields,
  describeFormats,
  disabledByMissingColumns,
  type FileSummary,
  type ImportSummary,
} from "./summary.ts";
import { tableSpec } from "./tables.ts";

/**
 * Imports a directory of Blinkit CSV exports. Each file is scanned (header, row count, date
 * formats), then loaded in its own transaction in dependency order; bad rows are quarantined,
 * a file that cannot be read as its table (wrong header, ambiguous dates) is reported and
 * skipped together with the files that depend on it, and every other file still loads.
 * Throws `ImportOptionsError` only for bad options (time zone, mapping file, unreadable dir).
 */
export async function importDirectory(
  db: Db,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const importId = randomUUID();
  const plan = await planDirectory(dir, options);
  const failed = new Set<string>();
  const files: FileSummary[] = [];
  const customersPresent = plan.tables.some((t) => t.table === "customers" && t.status !== "missing");

  for (const table of plan.tables) {
    const blockedBy = tableSpec(table.table).parents.find((p) => failed.has(p.table));
    if (table.status === "ready" && blockedBy) {
      failed.add(table.table);
      files.push({
        ...emptySummary(table, "skipped"),
        error: `Skipped: its parent table ${blockedBy.table} did not load, so every row would fail its foreign key. Fix that file and import again.`,
      });
      continue;
    }
    if (table.status !== "ready") {
      if (table.status === "invalid") failed.add(table.table);
      files.push(emptySummary(table, table.status === "missing" ? "missing" : "failed"));
      continue;
    }
    const fileStarted = performance.now();
    try {
      const result = await loadFile(db, table.plan, {
        importId,
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        placeholderCustomers: !customersPresent,
        onProgress: options.onProgress,
      });
      files.push({
        ...emptySummary(table, "loaded"),
        ...result,
        durationMs: performance.now() - fileStarted,
      });
    } catch (error) {
      failed.add(table.table);
      files.push({
        ...emptySummary(table, "failed"),
        durationMs: performance.now() - fileStarted,
        error: `The database refused ${table.plan.file} (${(error as Error).message}); the whole file was rolled back. Fix the cause and import again.`,
      });
    }
  }

  const unmappedAreas = await listUnmappedAreas(db);
  return {
    importId,
    directory: dir,
    timeZone: plan.timeZone,
    files,
    unrecognisedFiles: plan.unrecognisedFiles,
    disabled: [
      ...plan.tables.filter((t) => t.status === "missing").map((t) => tableSpec(t.table).disablesWhenMissing),
      ...files.flatMap((f) => f.disabled),
    ],
    unmappedAreas,
    ok: failed.size === 0,
    durationMs: performance.now() - started,
  };
}

function emptySummary(table: TablePlan, status: FileSummary["status"]): FileSummary {
  const plan: FilePlan | undefined = table.status === "ready" ? table.plan : undefined;
  return {
    table: table.table,
    file: plan?.file ?? (table.status === "invalid" ? table.file : null),
    status,
    layout: plan?.layout ?? null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsChanged: 0,
    rowsQuarantined: 0,
    firstReasons: [],
    placeholderCustomers: 0,
    durationMs: 0,
    error: table.status === "invalid" ? table.message : undefined,
    ignoredColumns: plan?.columns.ignored ?? [],
    renamedColumns: Object.fromEntries(plan?.columns.renamed ?? []),
    filledFields: plan ? describeFilledFields(plan) : {},
    dateFormats: plan ? describeFormats(plan) : {},
    disabled: plan ? disabledByMissingColumns(plan) : [],
  };
}
