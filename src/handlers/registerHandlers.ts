import type { App } from "@slack/bolt";
import { runCommandActionHandler } from "./actions/run-command.ts";
import { RUN_COMMAND_ACTION } from "./blocks/answer-blocks.ts";
import { slashCommandHandler } from "./commands/slash-command.ts";
import type { HandlerDeps } from "./deps.ts";
import { appHomeOpenedHandler } from "./events/app-home-opened.ts";
import { appMentionHandler } from "./events/app-mention.ts";
import { type DeliveryClaims, dedupeDeliveries } from "./middleware/dedupe.ts";
import { observeRequests } from "./middleware/observe.ts";
import { commandFormSubmittedHandler } from "./views/command-form-submitted.ts";
import { COMMAND_FORM_CALLBACK } from "./views/open-command-form.ts";

/**
 * Wires every listener, behind two global middlewares: one log line and metrics per request,
 * then the delivery claim that drops Slack's retries and replays (`claims`, in the database).
 * Every slash command goes through the registry, so a new command in src/core/commands needs
 * no Slack code (only its line in manifest.yml), and an unknown one still gets a helpful
 * answer instead of Slack's timeout error.
 */
export function registerHandlers(app: App, deps: HandlerDeps, claims: DeliveryClaims): void {
  app.use(observeRequests(deps.logger, deps.metrics));
  app.use(dedupeDeliveries(claims));
  app.command(/^\/./, slashCommandHandler(deps));
  app.action(new RegExp(`^${RUN_COMMAND_ACTION}:`), runCommandActionHandler(deps));
  app.view(COMMAND_FORM_CALLBACK, commandFormSubmittedHandler(deps));
  app.event("app_mention", appMentionHandler(deps));
  app.event("app_home_opened", appHomeOpenedHandler(deps));
}
