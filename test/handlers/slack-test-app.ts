import { createSlackApp, type SlackApp, type SlackAppOptions } from "../../src/app-slack.ts";
import { loadConfig } from "../../src/config.ts";
import type { CommandContext } from "../../src/core/commands/context.ts";
import { createRegistry } from "../../src/core/commands/index.ts";
import type { CommandRegistry } from "../../src/core/commands/registry.ts";
import type { Db } from "../../src/core/db/types.ts";
import { createLogger } from "../../src/logger.ts";
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
