import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

export type CsvValue = string | number | null;

const NEEDS_QUOTES = /[",\r\n]/;
/** Bytes gathered before handing a chunk to the stream: few large writes beat millions of small ones. */
const CHUNK_CHARS = 64 * 1024;

/** RFC 4180 field: quoted only when it holds a comma, quote or line break; null is an empty field. */
export function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Streams CSV rows to a file with bounded memory: rows are batched into chunks and every
 * chunk waits for the stream to drain when its buffer is full (backpressure).
 */
export class CsvWriter {
  private pending = "";
  private written = 0;

  private constructor(private readonly stream: WriteStream) {}

  static async open(path: string, header: readonly string[]): Promise<CsvWriter> {
    const stream = createWriteStream(path, { encoding: "utf8" });
    await once(stream, "open");
    const writer = new CsvWriter(stream);
    writer.pending = `${header.join(",")}\n`;
    return writer;
  }

  /** Data rows written so far (the header is not counted). */
  get rows(): number {
    return this.written;
  }

  async write(values: readonly CsvValue[]): Promise<void> {
    let line = "";
    for (let i = 0; i < values.length; i++) {
      if (i > 0) line += ",";
      line += csvField(values[i] ?? null);
    }
    this.pending += `${line}\n`;
    this.written++;
    if (this.pending.length >= CHUNK_CHARS) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }

  private async flush(): Promise<void> {
    if (this.pending === "") return;
    const chunk = this.pending;
    this.pending = "";
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }
}
