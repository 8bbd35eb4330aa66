import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { contextBlock } from "../blocks/answer-blocks.ts";
import { LOOKING_INTO_IT } from "../commands/slash-command.ts";
import { postAnswer } from "../delivery/post-answer.ts";
import { withProgress } from "../delivery/progress.ts";
import { reportFailure } from "../delivery/report-failure.ts";
import type { HandlerDeps } from "../deps.ts";
import { noteAnswer, noteFailure } from "../middleware/observe.ts";

/** "@bot why are customers unhappy in South Zone?" — routed to a command, answered in the thread. */
export function appMentionHandler(deps: HandlerDeps) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    const user = event.user ?? "";
    const threadTs = event.thread_ts ?? event.ts;
    const destination = { channel: event.channel, threadTs, user };
    const text = stripLeadingMentions(event.text);
    const { command, args } = deps.routeMention(text);
    // No command at all ("@bot") runs the empty line, which the registry answers with help.
    const commandLine = command ? `/${command} ${args}`.trim() : "";
    try {
      let placeholderTs: string | undefined;
      const { result: answer } = await withProgress(
        deps.work.run(() => deps.registry.runLine(commandLine, deps.context(user))),
        deps.slowAfterMs,
        async () => {
          const posted = await client.chat.postMessage({
            channel: event.channel,
            thread_ts: threadTs,
            text: LOOKING_INTO_IT,
            blocks: [contextBlock(LOOKING_INTO_IT)],
          });
          placeholderTs = posted.ts;
        },
      );
      noteAnswer(context, commandLine, answer);
      await postAnswer(client, deps, destination, answer, { commandLine });
      if (placeholderTs)
        await client.chat.delete({ channel: event.channel, ts: placeholderTs }).catch(() => undefined);
    } catch (error) {
      noteFailure(context, error);
      await reportFailure(client, deps, destination, commandLine, error);
    }
  };
}

/** "<@U123> <@U456> roas 7d" → "roas 7d": the bot's own mention is not part of the question. */
export function stripLeadingMentions(text: string): string {
  return text.replace(/^(\s*<@[A-Z0-9]+(\|[^>]*)?>\s*)+/, "").trim();
}
