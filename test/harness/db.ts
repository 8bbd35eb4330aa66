import { randomBytes } from "node:crypto";
import { migrate } from "../../src/core/db/migrate.ts";
import { openPglite } from "../../src/core/db/pglite.ts";
import { openPostgres } from "../../src/core/db/postgres.ts";
import type { Db, Engine } from "../../src/core/db/types.ts";

/** The real server every machine (CI included) runs; override with TEST_DATABASE_URL. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export const ENGINES: Engine[] = ["pglite", "postgres"];

export interface TestDb {
  db: Db;
  /** Drops the test's schema (server) or closes the in-memory instance. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, isolated database on the given engine. On the server each call gets its
 * own schema, so test files running in parallel never see each other's rows.
 */
export async function createTestDb(engine: Engine, options: { migrate?: boolean } = {}): Promise<TestDb> {
  const db = engine === "pglite" ? await openPglite("memory://") : await openServerSchema();
  if (options.migrate !== false) await migrate(db);
  return {
    db,
    async dispose() {
      const schema = (db as Db & { testSchema?: string }).testSchema;
      await db.close();
      if (schema) {
        const admin = await openPostgres(TEST_PG_URL, { max: 1 });
        await admin.exec(`drop schema if exists ${schema} cascade`);
        await admin.close();
      }
    },
  };
}

async function openServerSchema(): Promise<Db> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = await openPostgres(TEST_PG_URL, { max: 1 });
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const db = await openPostgres(TEST_PG_URL, { schema, max: 4 });
  return Object.assign(db, { testSchema: schema });
}
