import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { replaceAnswer } from "../delivery/post-answer.ts";
import { reportFailure } from "../delivery/report-failure.ts";
import type { HandlerDeps } from "../deps.ts";
import { noteAnswer, noteFailure } from "../middleware/observe.ts";

/**
 * A button from an answer's actions (e.g. "7 days"): re-run its command line and show the new
 * answer in place of the old one.
 */
export function runCommandActionHandler(deps: HandlerDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (action.type !== "button" || !action.value) return;
    const commandLine = action.value;
    const user = body.user.id;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !ts) {
      deps.logger.warn({ action: action.action_id }, "button outside a message; nothing to update");
      return;
    }
    try {
      const answer = await deps.work.run(() => deps.registry.runLine(commandLine, deps.context(user)));
      noteAnswer(context, commandLine, answer);
      const isEphemeral = body.container?.is_ephemeral === true;
      await replaceAnswer(client, deps, { channel, ts, isEphemeral, user, respond }, answer, { commandLine });
    } catch (error) {
      noteFailure(context, error);
      await reportFailure(client, deps, { channel, user, respond }, commandLine, error);
    }
  };
}
