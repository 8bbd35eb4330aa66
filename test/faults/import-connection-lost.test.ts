import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataDirectory } from "../../src/core/data/load.ts";
import { migrate } from "../../src/core/db/migrate.ts";
import { openPostgres } from "../../src/core/db/postgres.ts";
import type { Db } from "../../src/core/db/types.ts";
import { createTestDb, TEST_PG_URL } from "../harness/db.ts";

const FIXTURE = "test/fixtures/import/canonical";
const TABLES = [
  "customers",
  "products",
  "orders",
  "order_items",
  "delivery_performance",
  "customer_feedback",
];

/**
 * The database connection dies while a file is half-way through loading (every backend of a
 * dedicated database is terminated from outside, between two batches of the orders file).
 * Nothing of that file may stay behind, and importing again must complete.
 */
describe("database connection lost in the middle of an import (real PostgreSQL)", () => {
  const name = `fault_import_${randomBytes(5).toString("hex")}`;
  const adminUrl = TEST_PG_URL;
  const url = (() => {
    const parsed = new URL(TEST_PG_URL);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  })();
  let db: Db;

  const admin = async (sql: string) => {
    const connection = await openPostgres(adminUrl, { max: 1 });
    try {
      await connection.exec(sql);
    } finally {
      await connection.close();
    }
  };
  const counts = async (target: Db = db) => {
    const result: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await target.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      result[table] = rows[0]?.n ?? -1;
    }
    return result;
  };

  beforeAll(async () => {
    await admin(`create database ${name}`);
    db = await openPostgres(url, { max: 4 });
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it("rolls the interrupted file back entirely, and a re-run loads everything", async () => {
    let terminated = false;
    const first = await loadDataDirectory(db, FIXTURE, {
      batchSize: 2,
      onProgress: (file, rowsDone) => {
        // Synchronous on purpose: the next batch must meet a dead connection, not race it.
        if (terminated || !file.includes("orders.csv") || rowsDone < 2) return;
        terminated = true;
        execFileSync("psql", [
          adminUrl,
          "-qAtc",
          `select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '${name}'`,
        ]);
      },
    });
    expect(terminated).toBe(true);
    const orders = first.files.find((file) => file.table === "orders");
    expect(orders?.status).toBe("failed");
    expect(orders?.error).toMatch(/rolled back/);
    const afterFailure = await counts();
    // Two orders had been written in the file's transaction before the connection died: gone.
    expect(afterFailure.orders).toBe(0);
    expect(afterFailure.order_items).toBe(0);
    expect(afterFailure.customers).toBeGreaterThan(0);

    const second = await loadDataDirectory(db, FIXTURE, { batchSize: 2 });
    expect(second.files.filter((file) => file.status === "failed" || file.status === "skipped")).toEqual([]);
    const loaded = await counts();
    // The same rows as an import that was never interrupted.
    const clean = await createTestDb("postgres");
    try {
      await loadDataDirectory(clean.db, FIXTURE, { batchSize: 2 });
      expect(loaded).toEqual(await counts(clean.db));
    } finally {
      await clean.dispose();
    }
    expect(loaded.orders).toBeGreaterThan(0);

    // A third run changes nothing: the re-run was complete, not a partial top-up.
    await loadDataDirectory(db, FIXTURE, { batchSize: 2 });
    expect(await counts()).toEqual(loaded);
  });
});
