import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createRegistry } from "../../src/core/commands/index.ts";

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; description: string }>;
    app_home: { home_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8")) as Manifest;

describe("manifest.yml", () => {
  it("declares a slash command for every command the bot answers", () => {
    const declared = manifest.features.slash_commands.map((command) => command.command);
    for (const command of createRegistry().list()) expect(declared).toContain(`/${command.name}`);
    expect(declared).toEqual(expect.arrayContaining(["/roas", "/delay-risk", "/why"]));
  });

  it("asks for exactly the scopes the handlers use", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "chat:write",
        "commands",
        "files:write",
        "groups:history",
      ].sort(),
    );
  });

  it("subscribes to the events the handlers listen to, with interactivity and the home tab on", () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      "app_home_opened",
      "app_mention",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
