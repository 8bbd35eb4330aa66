import type { Command } from "commander";
import { createProgress } from "../console/progress.ts";
import { generateDataset } from "../core/data/generate/index.ts";
import { formatImportSummary, formatInspectReport, inspectDirectory } from "../core/data/import/index.ts";
import { loadDataDirectory } from "../core/data/load.ts";
import type { Db } from "../core/db/types.ts";
import type { EmbedderSettings } from "../core/rag/embedder/load.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";
import { indexFeedback } from "./rag.ts";

interface GenerateFlags {
  out: string;
  orders: string;
  days: string;
  seed: string;
  endDate?: string;
  json?: boolean;
}

interface ImportFlags {
  index?: boolean;
  mapping?: string;
  dateFormat: string[];
  tz?: string;
  json?: boolean;
}

export function registerDataCommands(program: Command, deps: CliDeps): void {
  const data = program.command("data").description("demo data and CSV imports");

  data
    .command("generate")
    .description("write deterministic demo CSVs in the Blinkit export layout")
    .option("--out <dir>", "output folder", "data/generated/demo")
    .option("--orders <n>", "number of orders", "50000")
    .option("--days <n>", "days of history (at least 90)", "400")
    .option("--seed <n>", "random seed: same seed, same files", "42")
    .option("--end-date <date>", "last data day YYYY-MM-DD (default: yesterday, Asia/Kolkata)")
    .option("--json", "print the summary as JSON")
    .action(async (flags: GenerateFlags) => {
      const progress = createProgress("Generating orders");
      const summary = await generateDataset(
        {
          orders: positiveInt(flags.orders, "--orders"),
          days: positiveInt(flags.days, "--days"),
          seed: positiveInt(flags.seed, "--seed"),
          endDate: flags.endDate,
        },
        flags.out,
        (done, total) => progress.update(done, total),
      );
      progress.done(`${summary.rows["blinkit_orders.csv"] ?? 0} orders, ${summary.from} to ${summary.to}`);
      if (flags.json) printJson(summary);
      else process.stdout.write(`Wrote ${Object.keys(summary.rows).length} files to ${summary.outDir}\n`);
    });

  data
    .command("inspect")
    .description("show how a folder of CSVs would be read, without loading anything")
    .argument("<dir>", "folder with CSV exports")
    .option("--mapping <file>", "YAML mapping for other layouts")
    .option("--date-format <file.column=FORMAT>", "settle an ambiguous date column (repeatable)", collect, [])
    .option("--tz <zone>", "time zone of naive timestamps in the files (default TZ_REPORTS)")
    .option("--json", "print the report as JSON")
    .action(async (dir: string, flags: ImportFlags) => {
      const report = await inspectDirectory(dir, {
        timeZone: flags.tz ?? deps.config.TZ_REPORTS,
        mapping: flags.mapping,
        dateFormats: parseDateFormats(flags.dateFormat),
      });
      if (flags.json) printJson(report);
      else process.stdout.write(`${formatInspectReport(report)}\n`);
      if (!report.ok) deps.setExitCode(1);
    });

  data
    .command("import")
    .description("load a folder of Blinkit CSV exports (re-import is safe: rows are upserted by key)")
    .argument("<dir>", "folder with blinkit_*.csv files")
    .option("--mapping <file>", "YAML mapping for other layouts (files → tables, columns → fields)")
    .option(
      "--date-format <file.column=FORMAT>",
      "settle an ambiguous date column, e.g. blinkit_orders.order_date=DD-MM-YYYY (repeatable)",
      collect,
      [],
    )
    .option("--tz <zone>", "time zone of naive timestamps in the files (default TZ_REPORTS)")
    .option("--no-index", "skip embedding the new feedback (run `blinkit rag index` later)")
    .option("--json", "print the summary as JSON")
    .action(async (dir: string, flags: ImportFlags) => {
      await withRuntime(deps, async ({ db, settings }) => {
        const progress = createProgress("Importing");
        const summary = await loadDataDirectory(db, dir, {
          timeZone: flags.tz ?? deps.config.TZ_REPORTS,
          mapping: flags.mapping,
          dateFormats: parseDateFormats(flags.dateFormat),
          onProgress: (file, done, total) => progress.update(done, total, file),
        });
        progress.done(summary.ok ? "finished" : "finished with problems");
        if (flags.json) printJson(summary);
        else process.stdout.write(`${formatImportSummary(summary)}\n`);
        if (!summary.ok) deps.setExitCode(1);
        if (flags.index !== false) await indexNewFeedback(db, settings.embeddings);
      });
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDateFormats(pairs: string[]): Record<string, string> {
  const formats: Record<string, string> = {};
  for (const pair of pairs) {
    const [key, format] = pair.split("=");
    if (!key || !format) throw new Error(`--date-format expects file.column=FORMAT, got "${pair}"`);
    formats[key.trim()] = format.trim();
  }
  return formats;
}

function positiveInt(text: string, flag: string): number {
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${flag} must be a positive whole number, got "${text}"`);
  return value;
}

/** New feedback is embedded right after import, so /why's semantic search covers it at once. */
async function indexNewFeedback(db: Db, embeddings: EmbedderSettings | undefined): Promise<void> {
  const progress = createProgress("Embedding new feedback");
  const { state } = await indexFeedback(db, embeddings, progress);
  progress.done(
    state.status === "ready"
      ? `${state.report.embedded} new texts embedded`
      : `skipped (${state.status === "failed" ? state.message : state.status}); run \`blinkit rag index\``,
  );
}
