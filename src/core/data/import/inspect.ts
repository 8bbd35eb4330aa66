import { readCsv } from "./csv.ts";
import type { QuarantineSample } from "./load.ts";
import type { ImportOptions } from "./options.ts";
import { type FilePlan, planDirectory, type TablePlan } from "./plan.ts";
import { convertRecord } from "./rows.ts";
import { describeFilledFields, describeFormats, disabledByMissingColumns } from "./summary.ts";
import { type TableName, tableSpec } from "./tables.ts";
import { Problem } from "./values.ts";

export interface InspectedColumn {
  /** Header name as in the file, or null for fields filled without a column. */
  column: string | null;
  /** The field it feeds; null when the column is ignored. */
  field: string | null;
  /** How the field is filled: read from the column, renamed, fixed by the mapping, derived, or ignored. */
  source: "column" | "renamed" | "fixed" | "derived" | "ignored";
  /** Date/time columns: the detected or given format. */
  format?: string;
  /** Date/time columns: values that do not fit the format (their rows will be quarantined). */
  misfits?: number;
  /** Fixed and derived fields: how the value is made. */
  how?: string;
}

export interface InspectedFile {
  table: TableName;
  file: string | null;
  status: "ready" | "missing" | "invalid";
  layout: string | null;
  rows: number;
  columns: InspectedColumn[];
  missingOptional: string[];
  /** What the missing file or columns take away. */
  disabled: string[];
  /** The first rows that would be quarantined (foreign keys are only checked on import). */
  problems: QuarantineSample[];
  error?: string;
}

export interface InspectReport {
  directory: string;
  timeZone: string;
  files: InspectedFile[];
  unrecognisedFiles: string[];
  /** False when some file cannot be imported as it is (wrong header, ambiguous dates). */
  ok: boolean;
}

const PROBLEM_SAMPLE = 5;

/** What an import of `dir` would do, without touching any database. */
export async function inspectDirectory(dir: string, options: ImportOptions = {}): Promise<InspectReport> {
  const plan = await planDirectory(dir, options);
  const files = await Promise.all(plan.tables.map(inspectTable));
  return {
    directory: dir,
    timeZone: plan.timeZone,
    files,
    unrecognisedFiles: plan.unrecognisedFiles,
    ok: files.every((f) => f.status !== "invalid"),
  };
}

async function inspectTable(table: TablePlan): Promise<InspectedFile> {
  const base = {
    table: table.table,
    layout: null,
    rows: 0,
    columns: [],
    missingOptional: [],
    problems: [],
  };
  if (table.status === "missing") {
    return { ...base, file: null, status: "missing", disabled: [tableSpec(table.table).disablesWhenMissing] };
  }
  if (table.status === "invalid") {
    return { ...base, file: table.file, status: "invalid", disabled: [], error: table.message };
  }
  const { plan } = table;
  return {
    table: table.table,
    file: plan.file,
    status: "ready",
    layout: plan.layout,
    rows: plan.rowCount,
    columns: describeColumns(plan),
    missingOptional: plan.columns.missingOptional.map((f) => f.name),
    disabled: disabledByMissingColumns(plan),
    problems: await firstProblems(plan),
  };
}

function describeColumns(plan: FilePlan): InspectedColumn[] {
  const formats = describeFormats(plan);
  const fieldByIndex = new Map([...plan.columns.columns].map(([field, index]) => [index, field]));
  const read: InspectedColumn[] = plan.header.map((column, index) => {
    const field = fieldByIndex.get(index) ?? null;
    if (!field) return { column, field: null, source: "ignored" };
    const format = formats[field];
    const misfits = plan.formats.get(field)?.misfits;
    return {
      column,
      field,
      source: plan.columns.renamed.has(column) ? "renamed" : "column",
      ...(format ? { format, misfits } : {}),
    };
  });
  const filled = describeFilledFields(plan);
  return [
    ...read,
    ...[...plan.columns.constants.keys()].map((field) => ({
      column: null,
      field,
      source: "fixed" as const,
      how: filled[field],
    })),
    ...plan.columns.derived.map((f) => ({
      column: null,
      field: f.name,
      source: "derived" as const,
      how: filled[f.name],
    })),
  ];
}

async function firstProblems(plan: FilePlan): Promise<QuarantineSample[]> {
  const problems: QuarantineSample[] = [];
  let header = true;
  for await (const record of readCsv(plan.path)) {
    if (header) {
      header = false;
      continue;
    }
    const result = convertRecord(plan, record);
    if (result instanceof Problem) problems.push({ line: record.line, reason: result.reason });
    if (problems.length >= PROBLEM_SAMPLE) break;
  }
  return problems;
}

/** The inspect report as plain text. */
export function formatInspectReport(report: InspectReport): string {
  const lines = [
    `Inspecting ${report.directory} (naive times read as ${report.timeZone}); nothing is loaded.`,
  ];
  for (const file of report.files) {
    lines.push("");
    if (file.status === "missing") {
      lines.push(`${tableSpec(file.table).files[0]}: not found (${file.table})`);
    } else {
      lines.push(
        `${file.file} → ${file.table}${file.status === "ready" ? `: ${file.layout}, ${file.rows.toLocaleString("en-IN")} row${file.rows === 1 ? "" : "s"}` : ": CANNOT BE IMPORTED"}`,
      );
    }
    if (file.error) lines.push(`  ${file.error}`);
    for (const c of file.columns) {
      const from = c.column === null ? `(${c.source})` : c.column;
      const to = c.field === null ? "ignored" : c.field;
      const format = c.format ? `  ${c.format}` : c.how ? `  ${c.how}` : "";
      const misfits = c.misfits ? `  (${c.misfits} values do not fit: those rows will be quarantined)` : "";
      lines.push(`  ${from.padEnd(28)} → ${to}${format}${misfits}`);
    }
    if (file.missingOptional.length > 0) lines.push(`  missing optional: ${file.missingOptional.join(", ")}`);
    for (const d of file.disabled) lines.push(`  unavailable: ${d}`);
    for (const p of file.problems) lines.push(`  line ${p.line}: ${p.reason}`);
  }
  if (report.unrecognisedFiles.length > 0) {
    lines.push("", `Files that feed no table (ignored): ${report.unrecognisedFiles.join(", ")}`);
  }
  lines.push(
    "",
    report.ok
      ? "Ready to import."
      : "Some files cannot be imported as they are: see the messages above (a mapping file or --date-format fixes most).",
  );
  return lines.join("\n");
}
