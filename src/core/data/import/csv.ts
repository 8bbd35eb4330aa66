import { createReadStream } from "node:fs";
import { CsvError, parse } from "csv-parse";

export interface CsvRecord {
  /** Physical line where the record starts (1-based), even after multi-line quoted fields. */
  line: number;
  fields: string[];
  /** The record's text as in the file, without its line break. */
  raw: string;
}

const LEADING_BREAKS = /^(?:\r\n|\r|\n)+/;
const TRAILING_BREAK = /(?:\r\n|\r|\n)$/;
const BREAK = /\r\n|\r|\n/g;

const countBreaks = (text: string) => text.match(BREAK)?.length ?? 0;

/** The file cannot be read as CSV at all (e.g. a quote never closed); nothing of it may load. */
export class CsvReadError extends Error {}

/**
 * Streams a CSV file record by record. Quoted fields may span lines; rows with more or fewer
 * fields than the header are passed through so the caller can quarantine them with a reason.
 */
export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Exports edited on different systems mix line endings; accept each of them.
      record_delimiter: ["\r\n", "\n", "\r"],
    }),
  );
  // Each raw chunk holds the skipped empty lines before its record and its own line break, so
  // counting breaks gives physical line numbers (cheaper than csv-parse's `info`).
  let linesBefore = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const leading = LEADING_BREAKS.exec(raw)?.[0] ?? "";
      const text = raw.slice(leading.length).replace(TRAILING_BREAK, "");
      const line = linesBefore + countBreaks(leading) + 1;
      linesBefore += countBreaks(raw);
      yield { line, fields: record, raw: text };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new CsvReadError(`${line ? `line ${line}: ` : ""}${error.message}`);
    }
    throw error;
  } finally {
    parser.destroy();
  }
}
