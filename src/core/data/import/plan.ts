import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { CsvReadError, readCsv } from "./csv.ts";
import { ALL_FORMATS, DATE_FORMATS, type DateFormat, FormatTally, findFormat, TIME_OF_DAY } from "./dates.ts";
import { type ColumnPlan, normaliseHeader, planColumns } from "./header.ts";
import { recogniseLayout } from "./layout.ts";
import { resolveMapping } from "./mapping.ts";
import {
  DEFAULT_TIME_ZONE,
  type FileMapping,
  type ImportMapping,
  type ImportOptions,
  ImportOptionsError,
} from "./options.ts";
import { type FieldSpec, TABLES, type TableName, type TableSpec } from "./tables.ts";
import { isTimeZone } from "./time-zone.ts";
import { isMissing } from "./values.ts";

/** How a date or time column is read, and how that was decided. */
export interface ColumnFormat {
  /** Null when the column has no values at all. */
  format: DateFormat | null;
  source: "detected" | "option" | "sibling";
  /** For `sibling`: the column of the same file whose format settled this one. */
  sibling?: string;
  withTime: boolean;
  /** Values that do not fit the format; their rows are quarantined. */
  misfits: number;
}

export interface FilePlan {
  spec: TableSpec;
  file: string;
  path: string;
  header: string[];
  columns: ColumnPlan;
  /** The shape recognised from the header, e.g. "canonical Blinkit export". */
  layout: string;
  formats: Map<string, ColumnFormat>;
  /** Data records (header excluded). */
  rowCount: number;
  timeZone: string;
}

export type TablePlan =
  | { table: TableName; status: "ready"; plan: FilePlan }
  | { table: TableName; status: "missing" }
  | { table: TableName; status: "invalid"; file: string; message: string };

export interface DirectoryPlan {
  tables: TablePlan[];
  /** CSV files in the directory that feed no table. */
  unrecognisedFiles: string[];
  timeZone: string;
}

/** Finds each table's file and scans it once: header mapping, row count, date formats. */
export async function planDirectory(dir: string, options: ImportOptions = {}): Promise<DirectoryPlan> {
  const mapping = resolveMapping(options.mapping);
  const timeZone = mapping.timeZone ?? options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new ImportOptionsError(
      `Unknown time zone '${timeZone}'. Use an IANA name such as Asia/Kolkata or UTC.`,
    );
  }
  checkFormatLabels(options.dateFormats ?? {});
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((name) => name.toLowerCase().endsWith(".csv"));
  } catch (error) {
    throw new ImportOptionsError(
      `Cannot read the directory ${dir}: ${(error as Error).message}. Point the import at the folder holding the CSV files.`,
    );
  }
  const files = new Map(TABLES.map((spec) => [spec, findFile(spec, entries, mapping)]));
  checkDateFormatKeys(options.dateFormats ?? {}, files, mapping);
  const tables: TablePlan[] = [];
  for (const [spec, file] of files) {
    tables.push(
      file
        ? await planFile(
            spec,
            join(dir, file),
            mappingFor(mapping, file),
            options.dateFormats ?? {},
            timeZone,
          )
        : { table: spec.table, status: "missing" },
    );
  }
  const claimed = new Set(files.values());
  return { tables, unrecognisedFiles: entries.filter((name) => !claimed.has(name)), timeZone };
}

/**
 * A `--date-format` key must name a date column of a file in this import (`file.column`, or
 * `table.field`); a typo would otherwise be ignored without a word.
 */
function checkDateFormatKeys(
  formats: Record<string, string>,
  files: Map<TableSpec, string | undefined>,
  mapping: ImportMapping,
): void {
  const known = new Set<string>();
  for (const [spec, file] of files) {
    if (!file) continue;
    const dateFields = spec.fields.filter(isDateLike);
    const mappedColumns = Object.entries(mappingFor(mapping, file).columns ?? {})
      .filter(([, field]) => dateFields.some((f) => f.name === field))
      .map(([column]) => normaliseHeader(column));
    const columns = [...dateFields.flatMap((f) => [f.name, ...(f.aliases ?? [])]), ...mappedColumns];
    for (const prefix of keyPrefixes(spec, file)) {
      for (const column of columns) known.add(`${prefix}.${column}`);
    }
  }
  const unknown = Object.keys(formats).filter((key) => !known.has(dateFormatKey(key)));
  if (unknown.length > 0) {
    throw new ImportOptionsError(
      `--date-format ${unknown.join(", ")}: no such date column in this import. ` +
        `Write file.column as in the file, e.g. blinkit_orders.order_date=DD-MM-YYYY.`,
    );
  }
}

function mappingFor(mapping: ImportMapping, file: string): FileMapping {
  const entry = Object.entries(mapping.files ?? {}).find(
    ([name]) => name.toLowerCase() === file.toLowerCase(),
  );
  return entry?.[1] ?? {};
}

function findFile(spec: TableSpec, entries: string[], mapping: ImportMapping): string | undefined {
  const mapped = entries.find((name) => mappingFor(mapping, name).table === spec.table);
  if (mapped) return mapped;
  const unmappedElsewhere = (name: string) => mappingFor(mapping, name).table === undefined;
  for (const wanted of spec.files) {
    const found = entries.find((name) => name.toLowerCase() === wanted && unmappedElsewhere(name));
    if (found) return found;
  }
  return undefined;
}

function checkFormatLabels(formats: Record<string, string>): void {
  for (const [key, label] of Object.entries(formats)) {
    if (!findFormat(label)) {
      throw new ImportOptionsError(
        `Unknown date format '${label}' for ${key}. Use one of: ${ALL_FORMATS.map((f) => f.label).join(", ")}.`,
      );
    }
  }
}

function allowedFormats(field: FieldSpec): readonly DateFormat[] {
  if (field.kind === "time") return [TIME_OF_DAY];
  if (field.kind === "timestamp" && field.sameDayAs) return ALL_FORMATS;
  return DATE_FORMATS;
}

const isDateLike = (field: FieldSpec) => ["date", "timestamp", "time"].includes(field.kind);

/** The format the user gave for this column, by `file.column` or `table.field`, if any. */
/** `blinkit_orders.Order Date` and `BLINKIT_ORDERS.order_date` are the same key. */
function dateFormatKey(key: string): string {
  const dot = key.lastIndexOf(".");
  return `${key.slice(0, dot).toLowerCase()}.${normaliseHeader(key.slice(dot + 1))}`;
}

/** How a file's date column may be named in `--date-format`: by file (with or without .csv) or table. */
function keyPrefixes(spec: TableSpec, file: string): string[] {
  return [file.toLowerCase(), basename(file, ".csv").toLowerCase(), spec.table];
}

/** The format the user gave for this column, by `file.column` or `table.field`, if any. */
function givenFormat(
  spec: TableSpec,
  file: string,
  headerName: string,
  field: FieldSpec,
  fromOptions: Record<string, string>,
  fromMapping: Record<string, string>,
): DateFormat | undefined {
  const keys = new Set(
    keyPrefixes(spec, file).flatMap((prefix) => [
      dateFormatKey(`${prefix}.${headerName}`),
      `${prefix}.${field.name}`,
    ]),
  );
  const fromOption = Object.entries(fromOptions).find(([key]) => keys.has(dateFormatKey(key)))?.[1];
  const fromFile = fromMapping[headerName] ?? fromMapping[field.name];
  const label = fromOption ?? fromFile;
  return label === undefined ? undefined : findFormat(label);
}

async function planFile(
  spec: TableSpec,
  path: string,
  mapping: FileMapping,
  dateFormats: Record<string, string>,
  timeZone: string,
): Promise<TablePlan> {
  const file = basename(path);
  const invalid = (message: string): TablePlan => ({ table: spec.table, status: "invalid", file, message });
  const scan = await scanFile(spec, path, mapping);
  if (typeof scan === "string") return invalid(scan);
  const formats = decideFormats(spec, file, scan, dateFormats, mapping.dateFormats ?? {});
  if (typeof formats === "string") return invalid(formats);
  const { header, columns, rowCount } = scan;
  const mapped = Object.keys(mapping).length > 0;
  const layout = recogniseLayout(spec, header, columns, mapped);
  return {
    table: spec.table,
    status: "ready",
    plan: { spec, file, path, header, columns, layout, formats, rowCount, timeZone },
  };
}

interface FileScan {
  header: string[];
  columns: ColumnPlan;
  rowCount: number;
  tallies: Map<FieldSpec, { index: number; tally: FormatTally }>;
}

/** Reads the whole file once: header → columns, row count, and format tallies of date columns. */
async function scanFile(spec: TableSpec, path: string, mapping: FileMapping): Promise<FileScan | string> {
  const file = basename(path);
  let scan: FileScan | undefined;
  try {
    for await (const record of readCsv(path)) {
      if (!scan) {
        const columns = planColumns(spec, record.fields, mapping);
        if (columns.missingRequired.length > 0)
          return missingColumnsMessage(file, spec, record.fields, columns);
        const tallies = new Map<FieldSpec, { index: number; tally: FormatTally }>();
        for (const field of spec.fields.filter(isDateLike)) {
          const index = columns.columns.get(field.name);
          if (index !== undefined)
            tallies.set(field, { index, tally: new FormatTally(allowedFormats(field)) });
        }
        scan = { header: record.fields, columns, rowCount: 0, tallies };
        continue;
      }
      scan.rowCount += 1;
      for (const { index, tally } of scan.tallies.values()) {
        const value = record.fields[index]?.trim() ?? "";
        if (!isMissing(value)) tally.add(value);
      }
    }
  } catch (error) {
    if (error instanceof CsvReadError) {
      return `${file} cannot be read as CSV (${error.message}), so none of its rows load.`;
    }
    throw error;
  }
  return scan ?? `${file} is empty: it has no header row.`;
}

/**
 * One format per date column: given (option or mapping), else the one fitting the most values,
 * else — when two fit equally — the format of a settled date column of the same file if it is
 * one of the two (one export writes all its dates one way). Still ambiguous → a message.
 */
function decideFormats(
  spec: TableSpec,
  file: string,
  scan: FileScan,
  dateFormats: Record<string, string>,
  mappingFormats: Record<string, string>,
): Map<string, ColumnFormat> | string {
  const formats = new Map<string, ColumnFormat>();
  const ambiguous: { field: FieldSpec; candidates: DateFormat[]; tally: FormatTally; headerName: string }[] =
    [];
  for (const [field, { index, tally }] of scan.tallies) {
    const headerName = scan.header[index] ?? field.name;
    const given = givenFormat(spec, file, headerName, field, dateFormats, mappingFormats);
    const misfits = (format: DateFormat) => tally.values - tally.countFor(format);
    const withTime = tally.withTime > 0;
    const best = tally.best();
    const [only] = best;
    if (given) {
      formats.set(field.name, { format: given, source: "option", withTime, misfits: misfits(given) });
    } else if (tally.values === 0) {
      formats.set(field.name, { format: null, source: "detected", withTime: false, misfits: 0 });
    } else if (!only) {
      return (
        `${file} column ${headerName}: no value looks like a date or time (first: '${tally.firstUnrecognised}'). ` +
        `Supported formats: ${allowedFormats(field)
          .map((f) => f.label)
          .join(", ")}.`
      );
    } else if (best.length === 1) {
      formats.set(field.name, { format: only, source: "detected", withTime, misfits: misfits(only) });
    } else {
      ambiguous.push({ field, candidates: best, tally, headerName });
    }
  }
  for (const { field, candidates, tally, headerName } of ambiguous) {
    const sibling = [...formats].find(
      ([, f]) => f.source !== "sibling" && f.format !== null && candidates.includes(f.format),
    );
    const format = sibling?.[1].format;
    if (!sibling || !format) return ambiguousMessage(file, headerName, candidates, tally);
    formats.set(field.name, {
      format,
      source: "sibling",
      sibling: sibling[0],
      withTime: tally.withTime > 0,
      misfits: tally.values - tally.countFor(format),
    });
  }
  return formats;
}

function missingColumnsMessage(file: string, spec: TableSpec, header: string[], columns: ColumnPlan): string {
  const names = columns.missingRequired.map((f) => f.name).join(", ");
  const example = columns.missingRequired[0]?.name ?? "order_id";
  return (
    `${file} is missing required column${columns.missingRequired.length > 1 ? "s" : ""} ${names} ` +
    `for table ${spec.table} (its header is: ${header.join(", ")}), so none of its rows load. ` +
    `Rename the column${columns.missingRequired.length > 1 ? "s" : ""} in the file, or map them in a mapping file ` +
    `(--mapping mapping.yml with files: { ${file}: { columns: { "<your column>": ${example} } } }).`
  );
}

function ambiguousMessage(
  file: string,
  column: string,
  candidates: DateFormat[],
  tally: FormatTally,
): string {
  const labels = candidates.map((f) => f.label);
  const stem = basename(file, ".csv");
  return (
    `${file} column ${column}: the dates (e.g. '${tally.firstValue}') fit ${labels.join(" and ")} equally, ` +
    `and no value has a day above 12 to settle it, so none of its rows load. ` +
    `Say which it is, e.g. --date-format ${stem}.${column}=${labels[0]}.`
  );
}
