import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { postAnswer } from "../delivery/post-answer.ts";
import { withProgress } from "../delivery/progress.ts";
import { reportFailure } from "../delivery/report-failure.ts";
import type { HandlerDeps } from "../deps.ts";
import { noteAnswer, noteFailure } from "../middleware/observe.ts";
import { formFor } from "../views/forms.ts";
import { openCommandForm } from "../views/open-command-form.ts";

export const LOOKING_INTO_IT = "Looking into it… :hourglass_flowing_sand:";

/**
 * Any registered command typed as a slash command: ack at once (Slack gives 3 s), then run it
 * through the registry and post the answer. Slow answers get a private progress note first.
 */
export function slashCommandHandler(deps: HandlerDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const commandLine = `${command.command} ${command.text}`.trim();
    const destination = { channel: command.channel_id, user: command.user_id, respond };
    try {
      const { result: answer, wasSlow } = await withProgress(
        deps.work.run(() => deps.registry.runLine(commandLine, deps.context(command.user_id))),
        deps.slowAfterMs,
        () => respond({ response_type: "ephemeral", text: LOOKING_INTO_IT }),
      );
      noteAnswer(context, commandLine, answer);
      const form = formFor(answer);
      if (form) {
        await openCommandForm(client, deps, form, {
          triggerId: command.trigger_id,
          channel: command.channel_id,
          user: command.user_id,
        });
        return;
      }
      const delivered = await postAnswer(
        client,
        deps,
        { ...destination, replacePrivateNote: wasSlow },
        answer,
        {
          commandLine,
        },
      );
      if (wasSlow && delivered.ts) {
        // The answer is a channel message now; the private "Looking into it…" note has done its job.
        // (Not after a response_url fallback: "original" could then mean the answer itself.)
        await respond({ delete_original: true }).catch(() => undefined);
      }
    } catch (error) {
      noteFailure(context, error);
      await reportFailure(client, deps, destination, commandLine, error);
    }
  };
}
