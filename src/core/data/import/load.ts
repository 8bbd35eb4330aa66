import { sqlQuery } from "../../db/sql-files.ts";
import type { Db, Queryable } from "../../db/types.ts";
import { readCsv } from "./csv.ts";
import type { FilePlan } from "./plan.ts";
import { convertRecord, type RowValues } from "./rows.ts";
import { type ParentRef, storedFields } from "./tables.ts";
import { Problem } from "./values.ts";

export interface QuarantineSample {
  line: number;
  reason: string;
}

export interface FileLoadResult {
  rowsRead: number;
  /** Rows that passed every check and were upserted (changed or not). */
  rowsLoaded: number;
  /** Rows inserted or updated; 0 when re-importing identical data. */
  rowsChanged: number;
  rowsQuarantined: number;
  /** The earliest quarantined lines, with their reasons. */
  firstReasons: QuarantineSample[];
  placeholderCustomers: number;
}

export interface LoadContext {
  importId: string;
  batchSize: number;
  /** No customers file in this import: unknown customers become placeholders instead of quarantine. */
  placeholderCustomers: boolean;
  onProgress?: (file: string, rowsDone: number, rowsTotal?: number) => void;
}

interface PendingRow {
  line: number;
  raw: string;
  values: RowValues;
}

interface Refusal {
  line: number;
  reason: string;
  raw: string;
}

const SAMPLE_SIZE = 5;

/**
 * Loads one planned file in a single transaction: validated rows are upserted in batches, refused
 * rows go to import_quarantine. Any database error rolls the whole file back (and rethrows).
 */
export function loadFile(db: Db, plan: FilePlan, context: LoadContext): Promise<FileLoadResult> {
  return db.transaction((tx) => new FileLoader(tx, plan, context).run());
}

class FileLoader {
  private readonly result: FileLoadResult = {
    rowsRead: 0,
    rowsLoaded: 0,
    rowsChanged: 0,
    rowsQuarantined: 0,
    firstReasons: [],
    placeholderCustomers: 0,
  };
  private readonly seenKeys = new Map<string, number>();
  private pending: PendingRow[] = [];
  private refused: Refusal[] = [];
  private reported = -1;

  constructor(
    private readonly tx: Queryable,
    private readonly plan: FilePlan,
    private readonly context: LoadContext,
  ) {}

  async run(): Promise<FileLoadResult> {
    this.reportProgress();
    let header = true;
    for await (const record of readCsv(this.plan.path)) {
      if (header) {
        header = false;
        continue;
      }
      this.result.rowsRead += 1;
      const values = convertRecord(this.plan, record);
      const problem = values instanceof Problem ? values : this.duplicateProblem(record.line, values);
      if (problem) {
        this.refuse(record.line, problem.reason, record.raw);
      } else if (!(values instanceof Problem)) {
        this.pending.push({ line: record.line, raw: record.raw, values });
      }
      if (this.pending.length >= this.context.batchSize) await this.flushRows();
      if (this.refused.length >= this.context.batchSize) await this.flushRefusals();
    }
    await this.flushRows();
    await this.flushRefusals();
    this.reportProgress();
    this.result.firstReasons = earliest(this.result.firstReasons);
    return this.result;
  }

  private duplicateProblem(line: number, values: RowValues): Problem | undefined {
    const key = this.plan.spec.key.map((field) => values.get(field)).join("\u0000");
    const earlier = this.seenKeys.get(key);
    if (earlier === undefined) {
      this.seenKeys.set(key, line);
      return undefined;
    }
    const described = this.plan.spec.key.map((field) => `${field} ${values.get(field)}`).join(", ");
    return new Problem(`duplicate ${described}: line ${earlier} has the same key`);
  }

  private refuse(line: number, reason: string, raw: string): void {
    // PostgreSQL text cannot hold NUL, and the raw record is kept for people to read.
    this.refused.push({ line, reason, raw: raw.replaceAll("\u0000", "\\0") });
    this.result.rowsQuarantined += 1;
    this.result.firstReasons.push({ line, reason });
    if (this.result.firstReasons.length > SAMPLE_SIZE * 10) {
      this.result.firstReasons = earliest(this.result.firstReasons);
    }
  }

  private async flushRows(): Promise<void> {
    if (this.pending.length === 0) return;
    let rows = this.pending;
    this.pending = [];
    for (const parent of this.plan.spec.parents) rows = await this.keepRowsWithParent(rows, parent);
    if (rows.length > 0) {
      const columns = storedFields(this.plan.spec).map((field) =>
        rows.map((row) => row.values.get(field.name)),
      );
      const { rowCount } = await this.tx.query(sqlQuery(`import_upsert_${this.plan.spec.table}`), columns);
      this.result.rowsLoaded += rows.length;
      this.result.rowsChanged += rowCount;
    }
    this.reportProgress();
  }

  private reportProgress(): void {
    if (this.reported === this.result.rowsRead) return;
    this.reported = this.result.rowsRead;
    this.context.onProgress?.(this.plan.file, this.result.rowsRead, this.plan.rowCount);
  }

  /** Rows whose parent key is missing from the database are quarantined (or get a placeholder customer). */
  private async keepRowsWithParent(rows: PendingRow[], parent: ParentRef): Promise<PendingRow[]> {
    const keys = [...new Set(rows.map((row) => row.values.get(parent.field)).filter((k) => k != null))];
    if (keys.length === 0) return rows;
    const { rows: found } = await this.tx.query<{ key: string }>(
      sqlQuery(`import_existing_${parent.table}`),
      [keys],
    );
    const existing = new Set(found.map((row) => row.key));
    if (parent.table === "customers" && this.context.placeholderCustomers) {
      await this.createPlaceholders(rows, parent, existing);
      return rows;
    }
    return rows.filter((row) => {
      const key = row.values.get(parent.field);
      if (key == null || existing.has(key)) return true;
      this.refuse(row.line, `unknown ${parent.field} ${key}: no such row in ${parent.table}`, row.raw);
      return false;
    });
  }

  private async createPlaceholders(
    rows: PendingRow[],
    parent: ParentRef,
    existing: Set<string>,
  ): Promise<void> {
    const areas = new Map<string, string | null>();
    for (const row of rows) {
      const key = row.values.get(parent.field);
      if (key == null || existing.has(key)) continue;
      // First known region wins: the customer's area is where their first order in the file went.
      if (!areas.get(key)) areas.set(key, row.values.get("area") ?? null);
    }
    if (areas.size === 0) return;
    const { rowCount } = await this.tx.query(sqlQuery("import_placeholder_customers"), [
      [...areas.keys()],
      [...areas.values()],
    ]);
    this.result.placeholderCustomers += rowCount;
  }

  private async flushRefusals(): Promise<void> {
    if (this.refused.length === 0) return;
    const refused = this.refused;
    this.refused = [];
    await this.tx.query(sqlQuery("import_quarantine_insert"), [
      this.context.importId,
      this.plan.file,
      refused.map((r) => r.line),
      refused.map((r) => r.reason),
      refused.map((r) => r.raw),
    ]);
  }
}

function earliest(samples: QuarantineSample[]): QuarantineSample[] {
  return [...samples].sort((a, b) => a.line - b.line).slice(0, SAMPLE_SIZE);
}
