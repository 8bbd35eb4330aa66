import { delayRiskCommand } from "./delay-risk.ts";
import { digestCommand } from "./digest.ts";
import { CommandRegistry } from "./registry.ts";
import { roasCommand } from "./roas.ts";
import { whyCommand } from "./why.ts";

/**
 * Every command the bot answers, whichever surface asks (Slack, console, CLI, digest).
 * A new capability adds its file under src/core/commands/ and one line here.
 */
export function createRegistry(): CommandRegistry {
  return new CommandRegistry([roasCommand, delayRiskCommand, whyCommand, digestCommand]);
}
