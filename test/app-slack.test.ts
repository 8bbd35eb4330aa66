import { describe, expect, it } from "vitest";
import { createSlackApp } from "../src/app-slack.ts";
import { loadConfig } from "../src/config.ts";
import { createRegistry } from "../src/core/commands/index.ts";
import { createLogger } from "../src/logger.ts";
import { unreachableDb } from "./handlers/fake-commands.ts";

const runtime = {
  registry: createRegistry(),
  context: () => ({
    db: unreachableDb,
    settings: { timeZone: "Asia/Kolkata", modelPath: "models/none.json" },
    services: {},
    now: () => new Date(),
  }),
};
const logger = createLogger("silent");

describe("createSlackApp", () => {
  it("uses Socket Mode when an app-level token is configured", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_SIGNING_SECRET: "s3cret-123",
    });
    const slack = createSlackApp({ config, runtime, logger, botId: "B", botUserId: "U" });
    expect(slack.mode).toBe("socket");
  });

  it("uses the HTTP receiver with only a signing secret", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s3cret-123" });
    expect(createSlackApp({ config, runtime, logger, botId: "B", botUserId: "U" }).mode).toBe("http");
  });

  it("refuses to build a Slack app without a bot token, saying what to run instead", () => {
    const config = loadConfig({});
    expect(() => createSlackApp({ config, runtime, logger })).toThrow(/SLACK_BOT_TOKEN is not set.*console/);
  });
});
