import type { webApi } from "@slack/bolt";
import { errorAnswer } from "../../core/commands/answer.ts";
import { describeError } from "../../core/commands/registry.ts";
import { renderAnswer } from "../blocks/answer-blocks.ts";
import type { HandlerDeps } from "../deps.ts";
import type { Destination } from "./post-answer.ts";
import { slackErrorCode, slackFailureHint } from "./slack-errors.ts";

/**
 * Last resort after ack(): something failed while answering. Log it with its detail and tell
 * the asker privately what happened and what to do — never a stack trace, never silence.
 */
export async function reportFailure(
  client: webApi.WebClient,
  deps: HandlerDeps,
  destination: Destination,
  command: string,
  error: unknown,
): Promise<void> {
  const code = slackErrorCode(error);
  if (code) deps.metrics.slackApiErrors.inc({ code });
  deps.logger.error(
    { err: error, code, hint: slackFailureHint(error), command, user: destination.user },
    "answering failed after ack",
  );
  const message = renderAnswer(
    errorAnswer(
      command,
      `I couldn't deliver the answer to ${command}: ${describeError(error)}.`,
      slackFailureHint(error),
    ),
  );
  try {
    if (destination.respond) {
      await destination.respond({ response_type: "ephemeral", replace_original: false, ...message });
    } else {
      await client.chat.postEphemeral({ channel: destination.channel, user: destination.user, ...message });
    }
  } catch (secondError) {
    deps.logger.error({ err: secondError, command }, "could not tell the user about the failure either");
  }
}
