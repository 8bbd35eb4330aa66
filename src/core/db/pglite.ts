import { mkdirSync } from "node:fs";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { normalisingParsers } from "./normalise.ts";
import type { Db, Queryable, QueryResult, Row } from "./types.ts";

/** `memory://` keeps everything in RAM (tests); any other value is a data directory on disk. */
export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir === "memory://";
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    dataDir: inMemory ? undefined : dataDir,
    extensions: { vector },
    parsers: normalisingParsers,
  });
  return new PgliteDb(pg, dataDir);
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

class PgliteDb implements Db {
  readonly engine = "pglite" as const;
  readonly description: string;
  private readonly inner: Queryable;

  constructor(
    private readonly pg: PGlite,
    dataDir: string,
  ) {
    this.description = dataDir === "memory://" ? "PGlite (in memory)" : `PGlite (${dataDir})`;
    this.inner = wrap(pg);
  }

  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
    return this.inner.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.inner.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) => fn(wrap(tx)));
  }

  close(): Promise<void> {
    return this.pg.close();
  }
}
