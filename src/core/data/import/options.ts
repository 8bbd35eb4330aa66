import type { ColumnMapping } from "./header.ts";
import type { TableName } from "./tables.ts";

/** One file's entry in the mapping file. */
export interface FileMapping extends ColumnMapping {
  /** The table this file feeds, for files whose name the importer does not know. */
  table?: TableName;
  /** Column (as in the header, or the field name) → date format label such as DD-MM-YYYY. */
  dateFormats?: Record<string, string>;
}

/** The mapping file (`--mapping mapping.yml`), parsed. */
export interface ImportMapping {
  /** Time zone of naive timestamps in these files (overrides the import option). */
  timeZone?: string;
  /** File name → how to read it. */
  files?: Record<string, FileMapping>;
}

export interface ImportOptions {
  /** Naive timestamps are local times in this IANA zone. Default Asia/Kolkata. */
  timeZone?: string;
  /** Called as rows are processed; `rowsTotal` is known because each file is scanned first. */
  onProgress?: (file: string, rowsDone: number, rowsTotal?: number) => void;
  /** `file.column` → format label (`blinkit_orders.order_date` → `DD-MM-YYYY`), settling ambiguity. */
  dateFormats?: Record<string, string>;
  /** A parsed mapping, or the path of a YAML mapping file. */
  mapping?: ImportMapping | string;
  /** Rows per upsert statement. */
  batchSize?: number;
}

export const DEFAULT_TIME_ZONE = "Asia/Kolkata";
export const DEFAULT_BATCH_SIZE = 5000;

/** Bad options (unknown time zone, unreadable mapping file): nothing was imported. */
export class ImportOptionsError extends Error {
  override name = "ImportOptionsError";
}
