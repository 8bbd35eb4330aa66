import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/core/commands/index.ts";
import { migrate } from "../../src/core/db/migrate.ts";
import { openPostgres, redactUrl } from "../../src/core/db/postgres.ts";
import { createLogger } from "../../src/logger.ts";
import { databaseCheck } from "../../src/observability/checks.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { type ReconnectingDb, reconnectingDb } from "../../src/observability/reconnecting-db.ts";
import { startTestSlackApp, type TestSlackApp } from "../handlers/slack-test-app.ts";
import { TEST_PG_URL } from "../harness/db.ts";
import { postSlashCommand, TEST_SIGNING_SECRET } from "../harness/signed-request.ts";

/**
 * The bot against a real PostgreSQL database that does not exist yet (the server refuses the
 * connection, as when the database is down), which the test then creates: the bot must start
 * anyway, say the data is unavailable, and recover on its own. A dedicated database is created
 * and dropped; the shared server is never stopped.
 */
describe("database down at start (real PostgreSQL)", () => {
  const name = `fault_${randomBytes(5).toString("hex")}`;
  const url = (() => {
    const parsed = new URL(TEST_PG_URL);
    parsed.pathname = `/${name}`;
    return parsed.toString();
  })();
  const metrics = createMetrics({ processMetrics: false });
  let db: ReconnectingDb;
  let slack: TestSlackApp;
  let base: string;

  const admin = async (sql: string) => {
    const connection = await openPostgres(TEST_PG_URL, { max: 1 });
    try {
      await connection.exec(sql);
    } finally {
      await connection.close();
    }
  };
  const roas = async () => {
    const responseUrl = slack.fake.responseUrl();
    const ack = await postSlashCommand(slack.url, TEST_SIGNING_SECRET, {
      command: "/roas",
      text: "7d",
      response_url: responseUrl,
    });
    expect(ack.status).toBe(200);
    const [reply] = await slack.fake.waitFor(() => {
      const replies = slack.fake.responsesTo(responseUrl);
      return replies.length > 0 && replies;
    });
    return String(reply?.body.text);
  };
  const readyz = async () => {
    const response = await fetch(`${base}/readyz`);
    return {
      status: response.status,
      body: (await response.json()) as { checks: Record<string, { detail: string }> },
    };
  };

  beforeAll(async () => {
    db = reconnectingDb({
      engine: "postgres",
      description: redactUrl(url),
      open: () => openPostgres(url, { max: 4 }),
      prepare: async (opened) => {
        await migrate(opened);
      },
      retryMs: 100,
      logger: createLogger("silent"),
      onError: (kind) => metrics.dbErrors.inc({ kind }),
    });
    slack = await startTestSlackApp({
      db,
      registry: createRegistry(),
      readiness: [databaseCheck(db)],
      metrics,
    });
    base = slack.url.replace(/\/slack\/events$/, "");
  });
  afterAll(async () => {
    await slack?.stop();
    await db?.close();
    await admin(`drop database if exists ${name} with (force)`);
  });

  it("starts, says the data is unavailable and that it is retrying, and /readyz is 503", async () => {
    expect(db.connected).toBe(false);
    expect(await roas()).toMatch(/data is unavailable right now.*retrying/);
    const ready = await readyz();
    expect(ready.status).toBe(503);
    expect(ready.body.checks.database?.detail).toContain(name);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/blinkit_db_errors_total\{kind="unavailable"\} [1-9]/);
  });

  it("recovers by itself once the database is there: migrated, ready, answering", async () => {
    await admin(`create database ${name}`);
    await slack.fake.waitFor(() => db.connected, 10_000);
    expect((await readyz()).status).toBe(200);
    // An empty database now: the answer is about data, not about being unavailable.
    const answer = await roas();
    expect(answer).not.toMatch(/unavailable/);
    expect(answer).toMatch(/no data|no orders|import/i);
  });

  it("survives losing every connection mid-way: the pool reconnects for the next request", async () => {
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );
    const answer = await roas();
    expect(answer).not.toMatch(/unavailable|terminat/i);
    expect((await readyz()).status).toBe(200);
  });
});
