import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { homeView } from "../blocks/home-view.ts";
import type { HandlerDeps } from "../deps.ts";

/** Publishes the Home tab: what the bot does, fresh KPI panels, the commands with examples. */
export function appHomeOpenedHandler(deps: HandlerDeps) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== "home") return;
    const ctx = deps.context(event.user);
    const panels = await Promise.all(deps.homePanels.map((line) => deps.registry.runLine(line, ctx)));
    try {
      await client.views.publish({
        user_id: event.user,
        view: homeView({ panels, commands: deps.registry.list(), now: ctx.now() }),
      });
    } catch (error) {
      deps.logger.error({ err: error, user: event.user }, "could not publish the home tab");
    }
  };
}
