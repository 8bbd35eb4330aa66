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
  return pgliteDb(pg, dataDir);
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

function pgliteDb(pg: PGlite, dataDir: string): Db {
  const inner = wrap(pg);
  return {
    engine: "pglite",
    description: dataDir === "memory://" ? "PGlite (in memory)" : `PGlite (${dataDir})`,
    query: inner.query,
    exec: inner.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
