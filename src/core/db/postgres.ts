import pg from "pg";
import { normalisingParsers } from "./normalise.ts";
import type { Db, Queryable, QueryResult, Row } from "./types.ts";

export interface PostgresOptions {
  /** Every connection gets this search_path: how tests isolate themselves in one database. */
  schema?: string;
  max?: number;
}

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    const custom = normalisingParsers[oid];
    if (custom && format !== "binary") return custom;
    return pg.types.getTypeParser(oid, format);
  },
};

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    // A host that silently drops packets must fail fast, not hang commands until the answer
    // queue fills: connecting gets 10 s, any one statement 2 minutes (a 1M-order rollup refresh).
    connectionTimeoutMillis: 10_000,
    query_timeout: 120_000,
  });
  // A pool emits 'error' when an idle client dies (server restart); without a listener that kills the process.
  pool.on("error", () => {});
  const db = postgresDb(pool, redactUrl(url) + (options.schema ? ` (schema ${options.schema})` : ""));
  await db.query("select 1");
  return db;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await client.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

function postgresDb(pool: pg.Pool, description: string): Db {
  const inner = wrap(pool);
  return {
    engine: "postgres",
    description,
    query: inner.query,
    exec: inner.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A connection that dies mid-transaction emits 'error' on the checked-out client: the
      // failing query already rejects, and an unheard 'error' event would crash the process.
      const ignoreDeadConnection = () => {};
      client.on("error", ignoreDeadConnection);
      try {
        await client.query("begin");
        const result = await fn(wrap(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.off("error", ignoreDeadConnection);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
