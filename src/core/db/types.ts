/** A row as returned by either engine after type normalisation (see `normalise.ts`). */
export type Row = Record<string, unknown>;

export interface QueryResult<T extends Row = Row> {
  rows: T[];
  rowCount: number;
}

/** What a statement runner offers: the whole database, or one open transaction. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export type Engine = "pglite" | "postgres";

/**
 * The one database interface core code sees. Two real PostgreSQL engines implement it:
 * PGlite (embedded, WASM) and node-postgres (a server). Same SQL on both.
 */
export interface Db extends Queryable {
  readonly engine: Engine;
  /** Human-readable location, never containing a password. */
  readonly description: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
