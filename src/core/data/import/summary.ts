import type { UnmappedArea } from "../zones.ts";
import type { QuarantineSample } from "./load.ts";
import type { FilePlan } from "./plan.ts";
import { type TableName, tableSpec } from "./tables.ts";

export interface FileSummary {
  table: TableName;
  /** Null when no file fed the table. */
  file: string | null;
  /** `failed`: wrong header, unreadable dates or a database error — nothing of the file loaded. */
  status: "loaded" | "missing" | "failed" | "skipped";
  /** The shape recognised from the header; null when the file was missing or unreadable. */
  layout: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsChanged: number;
  rowsQuarantined: number;
  firstReasons: QuarantineSample[];
  placeholderCustomers: number;
  durationMs: number;
  error?: string;
  ignoredColumns: string[];
  /** Header name → field, for columns read under another name. */
  renamedColumns: Record<string, string>;
  /** Field → how it is filled without a column of its own (mapping value, derived from another field). */
  filledFields: Record<string, string>;
  /** Field → detected or given format, e.g. `MM/DD/YYYY with times`. */
  dateFormats: Record<string, string>;
  /** What missing optional columns take away. */
  disabled: string[];
}

export interface ImportSummary {
  importId: string;
  directory: string;
  timeZone: string;
  files: FileSummary[];
  unrecognisedFiles: string[];
  /** What missing files and columns take away, in plain words. */
  disabled: string[];
  unmappedAreas: UnmappedArea[];
  /** False when any file failed or was skipped: the CLI exits non-zero. */
  ok: boolean;
  durationMs: number;
}

export function describeFormats(plan: FilePlan): Record<string, string> {
  const described: Record<string, string> = {};
  for (const [field, { format, source, sibling, withTime }] of plan.formats) {
    if (!format) {
      described[field] = "empty";
      continue;
    }
    const how = source === "option" ? " (given)" : source === "sibling" ? ` (as ${sibling})` : "";
    described[field] = `${format.label}${withTime && format.order !== "time" ? " with times" : ""}${how}`;
  }
  return described;
}

export function describeFilledFields(plan: FilePlan): Record<string, string> {
  return Object.fromEntries([
    ...[...plan.columns.constants].map(([field, value]) => [field, `fixed to '${value}' by the mapping`]),
    ...plan.columns.derived.map((f) => [
      f.name,
      `derived as '${f.derivedFrom?.prefix ?? ""}<${f.derivedFrom?.field}>' (no ${f.name} column)`,
    ]),
  ]);
}

export function disabledByMissingColumns(plan: FilePlan): string[] {
  return [
    ...new Set(plan.columns.missingOptional.flatMap((field) => (field.disables ? [field.disables] : []))),
  ];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** The import summary as plain text for the console and the CLI. */
export function formatImportSummary(summary: ImportSummary): string {
  const lines = [
    `Import ${summary.importId} from ${summary.directory} (naive times read as ${summary.timeZone}), ${seconds(summary.durationMs)}`,
    "",
  ];
  const count = (f: FileSummary, n: number) => (f.status === "loaded" ? n.toLocaleString("en-IN") : "-");
  lines.push(
    ...table(
      [
        ["file", "table", "status", "read", "loaded", "changed", "quarantined", "time"],
        ...summary.files.map((f) => [
          f.file ?? `(no ${tableSpec(f.table).files[0]})`,
          f.table,
          f.status,
          count(f, f.rowsRead),
          count(f, f.rowsLoaded),
          count(f, f.rowsChanged),
          count(f, f.rowsQuarantined),
          f.status === "loaded" ? seconds(f.durationMs) : "",
        ]),
      ],
      new Set([3, 4, 5, 6, 7]),
    ),
  );
  const section = (title: string, body: string[]) => {
    if (body.length > 0) lines.push("", title, ...body.map((line) => `  ${line}`));
  };
  section(
    "Files not loaded:",
    summary.files.flatMap((f) => (f.error ? [`${f.file ?? f.table}: ${f.error}`] : [])),
  );
  section(
    "Quarantined rows (see table import_quarantine for all of them):",
    summary.files.flatMap((f) => [
      ...f.firstReasons.map((r) => `${f.file} line ${r.line}: ${r.reason}`),
      ...(f.rowsQuarantined > f.firstReasons.length
        ? [`${f.file}: … and ${f.rowsQuarantined - f.firstReasons.length} more`]
        : []),
    ]),
  );
  section(
    "How columns were read:",
    summary.files.flatMap((f) => [
      ...(f.layout ? [`${f.file}: ${f.layout}`] : []),
      ...Object.entries(f.renamedColumns).map(
        ([column, field]) => `${f.file}: column '${column}' read as ${field}`,
      ),
      ...Object.entries(f.filledFields).map(([field, how]) => `${f.file}: ${field} ${how}`),
      ...Object.entries(f.dateFormats).map(([field, format]) => `${f.file}: ${field} ${format}`),
      ...(f.ignoredColumns.length > 0 ? [`${f.file}: ignored columns ${f.ignoredColumns.join(", ")}`] : []),
    ]),
  );
  section(
    "Placeholder customers:",
    summary.files
      .filter((f) => f.placeholderCustomers > 0)
      .map(
        (f) =>
          `${f.placeholderCustomers} created from ${f.file} (no customers file: area = the order's region)`,
      ),
  );
  section("Unavailable with this data:", summary.disabled);
  section(
    'Areas with no zone (add them with `blinkit zones add "<area>" --state "<state>" --zone <zone>` or `blinkit zones import <csv>`):',
    summary.unmappedAreas
      .slice(0, 10)
      .map((a) => `${a.area} (${a.customers} customer${a.customers === 1 ? "" : "s"})`),
  );
  if (summary.unmappedAreas.length > 10) lines.push(`  … and ${summary.unmappedAreas.length - 10} more`);
  section("Files in the directory that feed no table (ignored):", summary.unrecognisedFiles);
  lines.push(
    "",
    summary.ok
      ? "Import finished."
      : "Import finished with errors: the files listed above did not load; the others did.",
  );
  return lines.join("\n");
}
