import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { postAnswer } from "../delivery/post-answer.ts";
import { reportFailure } from "../delivery/report-failure.ts";
import type { HandlerDeps } from "../deps.ts";
import { noteAnswer, noteFailure } from "../middleware/observe.ts";
import { formNamed } from "./forms.ts";
import { parseFormMetadata } from "./open-command-form.ts";

/** A command modal was submitted: close it at once, run the command, post the answer where it was asked. */
export function commandFormSubmittedHandler(deps: HandlerDeps) {
  return async ({
    ack,
    view,
    body,
    client,
    context,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const metadata = parseFormMetadata(view.private_metadata);
    const form = metadata && formNamed(metadata.command);
    const command = metadata && deps.registry.get(metadata.command);
    if (!metadata || !form || !command) {
      deps.logger.warn({ callback: view.callback_id }, "modal submission without a known command");
      return;
    }
    const args = form.toArgs(view.state.values);
    const destination = { channel: metadata.channel, user: body.user.id };
    const commandLine = `/${command.name} ${args}`;
    try {
      const answer = await deps.work.run(() => deps.registry.run(command, args, deps.context(body.user.id)));
      noteAnswer(context, commandLine, answer);
      await postAnswer(client, deps, destination, answer, { commandLine });
    } catch (error) {
      noteFailure(context, error);
      await reportFailure(client, deps, destination, commandLine, error);
    }
  };
}
