import { describe, expect, it } from "vitest";
import type { Db } from "../../src/core/db/types.ts";
import { createLogger } from "../../src/logger.ts";
import {
  DatabaseUnavailableError,
  isConnectionError,
  reconnectingDb,
} from "../../src/observability/reconnecting-db.ts";

/** A database that answers `select 1` with one row, or fails every query with `error`. */
function fakeDb(error?: unknown): Db {
  const run = () => (error ? Promise.reject(error) : Promise.resolve({ rows: [{ one: 1 }], rowCount: 1 }));
  return {
    engine: "postgres",
    description: "fake",
    query: run as Db["query"],
    exec: async () => {
      if (error) throw error;
    },
    transaction: async (fn) => fn({ query: run as Db["query"], exec: async () => undefined }),
    close: async () => undefined,
  };
}

describe("reconnectingDb", () => {
  it("fails queries at once while it can't connect, keeps trying, then lets them through", async () => {
    let attempts = 0;
    const errors: string[] = [];
    const db = reconnectingDb({
      engine: "postgres",
      description: "postgres://db/app",
      open: async () => {
        attempts += 1;
        if (attempts < 3) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return fakeDb();
      },
      retryMs: 10,
      logger: createLogger("silent"),
      onError: (kind) => errors.push(kind),
    });
    await expect(db.query("select 1")).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await db.whenConnected();
    expect(attempts).toBe(3);
    expect((await db.query("select 1")).rows).toEqual([{ one: 1 }]);
    expect(errors).toContain("unavailable");
    await db.close();
  });

  it("retries when preparing (migrations) fails, and only then counts as connected", async () => {
    let prepared = 0;
    const db = reconnectingDb({
      engine: "postgres",
      description: "fake",
      open: async () => fakeDb(),
      prepare: async () => {
        prepared += 1;
        if (prepared === 1) throw new Error("migration lock timeout");
      },
      retryMs: 10,
      logger: createLogger("silent"),
    });
    await db.whenConnected();
    expect(prepared).toBe(2);
    expect(db.connected).toBe(true);
    await db.close();
  });

  it("turns a connection lost later into the same user-facing error, and leaves SQL errors alone", async () => {
    const lost = reconnectingDb({
      engine: "postgres",
      description: "fake",
      open: async () => fakeDb(Object.assign(new Error("terminating connection"), { code: "57P01" })),
      logger: createLogger("silent"),
    });
    await lost.whenConnected();
    await expect(lost.query("select 1")).rejects.toThrow(/data is unavailable right now/);
    const syntax = reconnectingDb({
      engine: "postgres",
      description: "fake",
      open: async () =>
        fakeDb(Object.assign(new Error('syntax error at or near "selec"'), { code: "42601" })),
      logger: createLogger("silent"),
    });
    await syntax.whenConnected();
    await expect(syntax.query("selec 1")).rejects.toThrow(/syntax error/);
  });

  it("stops retrying once closed", async () => {
    let attempts = 0;
    const db = reconnectingDb({
      engine: "postgres",
      description: "fake",
      open: async () => {
        attempts += 1;
        throw new Error("down");
      },
      retryMs: 5,
      logger: createLogger("silent"),
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await db.close();
    const afterClose = attempts;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(attempts).toBe(afterClose);
  });

  it.each([
    [{ code: "ECONNREFUSED" }, true],
    [{ code: "57P01" }, true],
    [{ code: "08006" }, true],
    [{ code: "3D000" }, true],
    [{ message: "Connection terminated unexpectedly" }, true],
    [{ code: "42601" }, false],
    [{ code: "23505" }, false],
    ["a string", false],
  ])("classifies %j as a connection error: %s", (error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });
});
