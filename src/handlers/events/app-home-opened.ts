import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { CommandContext } from "../../core/commands/context.ts";
import { describeError } from "../../core/commands/registry.ts";
import { ModelLoadError } from "../../core/delay-model/artifact.ts";
import { getDelayModel } from "../../core/delay-model/cache.ts";
import { homeView, type ModelStatus } from "../blocks/home-view.ts";
import type { HandlerDeps } from "../deps.ts";

/** Publishes the Home tab: what the bot does, fresh KPI panels, the commands with examples. */
export function appHomeOpenedHandler(deps: HandlerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    const ctx = deps.context(event.user);
    const panels = await Promise.all(
      deps.homePanels.map(async (commandLine) => ({
        commandLine,
        answer: await deps.work.run(() => deps.registry.runLine(commandLine, ctx)),
      })),
    );
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView({ panels, model: modelStatus(ctx), commands: deps.registry.list(), now: ctx.now() }),
      });
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, "could not publish the home tab");
    }
  };
}

function modelStatus(ctx: CommandContext): ModelStatus {
  try {
    return { kind: "loaded", metadata: getDelayModel(ctx.services, ctx.settings.modelPath).metadata };
  } catch (error) {
    if (error instanceof ModelLoadError) return { kind: "missing", message: error.message, hint: error.hint };
    return { kind: "missing", message: `The delay model could not be read: ${describeError(error)}.` };
  }
}
