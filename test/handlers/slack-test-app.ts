import { afterAll, beforeAll, beforeEach } from "vitest";
import { createSlackApp, type SlackApp, type SlackAppOptions } from "../../src/app-slack.ts";
import { loadConfig } from "../../src/config.ts";
import type { CommandContext } from "../../src/core/commands/context.ts";
import { createRegistry } from "../../src/core/commands/index.ts";
import type { CommandRegistry } from "../../src/core/commands/registry.ts";
import type { Db, Engine } from "../../src/core/db/types.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDb, type TestDb } from "../harness/db.ts";
import { FakeSlack } from "../harness/fake-slack.ts";
import { TEST_SIGNING_SECRET } from "../harness/signed-request.ts";

export interface TestSlackApp {
  /** Where Slack would send requests: the HTTP receiver's events endpoint. */
  url: string;
  fake: FakeSlack;
  slack: SlackApp;
  stop(): Promise<void>;
}

export interface TestSlackAppOptions extends Partial<Omit<SlackAppOptions, "config" | "runtime">> {
  db: Db;
  registry?: CommandRegistry;
  /** Extra environment, e.g. a bot token whose absence from the logs a test checks. */
  env?: Record<string, string>;
  settings?: Partial<CommandContext["settings"]>;
  /** The services bag every command context shares (e.g. a RAG service with a small embedder). */
  services?: CommandContext["services"];
}

/** The real Bolt app on the HTTP receiver (loopback, free port), talking to a fake Slack API. */
export async function startTestSlackApp(options: TestSlackAppOptions): Promise<TestSlackApp> {
  const { db, registry = createRegistry(), env = {}, settings = {}, services = {}, ...overrides } = options;
  const fake = await FakeSlack.start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    ...env,
  });
  const context = (requester?: string): CommandContext => ({
    db,
    settings: { timeZone: "Asia/Kolkata", modelPath: "models/none.json", ...settings },
    services,
    now: () => new Date(),
    requester,
  });
  const slack = createSlackApp({
    config,
    runtime: { registry, context },
    logger: createLogger("silent"),
    slackApiUrl: fake.apiUrl,
    botId: "BBOT",
    botUserId: "UBOT",
    port: 0,
    host: "127.0.0.1",
    ...overrides,
  });
  const { port } = await slack.start();
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    fake,
    slack,
    async stop() {
      await slack.stop();
      await fake.close();
    },
  };
}

/**
 * For the enclosing describe block: a fresh test database on `engine`, filled by `seed`, and the
 * Slack app on it — started before the block's tests, stopped after; the fake Slack is reset
 * before each test. Read `slack` and `db` inside tests (they exist once the block has started).
 */
export function slackAppOnTestDb(
  engine: Engine,
  seed: (db: Db) => Promise<void> = async () => {},
): { readonly slack: TestSlackApp; readonly db: TestDb } {
  let testDb: TestDb | undefined;
  let app: TestSlackApp | undefined;
  beforeAll(async () => {
    testDb = await createTestDb(engine);
    await seed(testDb.db);
    app = await startTestSlackApp({ db: testDb.db });
  });
  afterAll(async () => {
    await app?.stop();
    await testDb?.dispose();
  });
  beforeEach(() => app?.fake.reset());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the Slack app starts in beforeAll: read it inside a test");
    return value;
  };
  return {
    get slack() {
      return started(app);
    },
    get db() {
      return started(testDb);
    },
  };
}
