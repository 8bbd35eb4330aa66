import type { RespondFn, types, webApi } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import { type RenderContext, renderAnswer } from "../blocks/answer-blocks.ts";
import type { HandlerDeps } from "../deps.ts";
import { uploadChart } from "./chart-upload.ts";
import { cannotPostHere } from "./slack-errors.ts";

export interface Destination {
  channel: string;
  /** Reply inside this thread (a mention in a thread). */
  threadTs?: string;
  /** The asker: ephemeral answers are shown to them only. */
  user: string;
  /** The request's response_url, when Slack gave one (slash commands, buttons, some modals). */
  respond?: RespondFn;
  /** A private "Looking into it…" note was sent through `respond`: a private answer replaces it. */
  replacePrivateNote?: boolean;
  /** Attached to the channel message, for apps (this one included) to find it again later. */
  metadata?: types.MessageMetadata;
}

export interface Delivered {
  /** Where a channel message landed, for later chat.update; absent for ephemeral/response_url replies. */
  channel?: string;
  ts?: string;
}

/**
 * Sends an answer where it was asked: errors and help privately, results in the channel
 * followed by the chart. When the bot is not in the channel, Slack's response_url still
 * reaches it (without the chart, which needs channel access) and the answer says so.
 */
export async function postAnswer(
  client: webApi.WebClient,
  deps: HandlerDeps,
  destination: Destination,
  answer: Answer,
  context: RenderContext = {},
): Promise<Delivered> {
  const renderContext = { requester: destination.user, ...context };
  if (answer.visibility === "ephemeral") {
    await postPrivately(client, destination, renderAnswer(answer, renderContext));
    return {};
  }
  const message = renderAnswer(answer, renderContext);
  try {
    const posted = await client.chat.postMessage({
      channel: destination.channel,
      ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
      ...(destination.metadata ? { metadata: destination.metadata } : {}),
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
    const ts = posted.ts;
    await uploadChart(client, deps, answer, { channel: destination.channel, threadTs: destination.threadTs });
    return { channel: destination.channel, ts };
  } catch (error) {
    if (!destination.respond || !cannotPostHere(error)) throw error;
    const note = answer.chart
      ? "I'm not a member of this channel, so the chart couldn't be attached: /invite me to get it next time."
      : "I'm not a member of this channel: /invite me so I can post here directly.";
    await destination.respond({
      response_type: "in_channel",
      ...renderAnswer({ ...answer, warnings: [...answer.warnings, note] }, renderContext),
    });
    return {};
  }
}

async function postPrivately(
  client: webApi.WebClient,
  destination: Destination,
  message: ReturnType<typeof renderAnswer>,
): Promise<void> {
  if (destination.respond) {
    await destination.respond({
      response_type: "ephemeral",
      replace_original: destination.replacePrivateNote ?? false,
      ...message,
    });
    return;
  }
  await client.chat.postEphemeral({
    channel: destination.channel,
    user: destination.user,
    ...(destination.threadTs ? { thread_ts: destination.threadTs } : {}),
    ...message,
  });
}

export interface ExistingMessage {
  channel: string;
  ts: string;
  isEphemeral: boolean;
  user: string;
  respond?: RespondFn;
}

/**
 * Replaces a posted answer in place (a range button was pressed). An error never overwrites
 * a channel message: it goes to the person who pressed the button only.
 */
export async function replaceAnswer(
  client: webApi.WebClient,
  deps: HandlerDeps,
  target: ExistingMessage,
  answer: Answer,
  context: RenderContext = {},
): Promise<void> {
  const message = renderAnswer(answer, { requester: target.user, ...context });
  if (answer.visibility === "ephemeral" && !target.isEphemeral) {
    await postPrivately(
      client,
      { channel: target.channel, user: target.user, respond: target.respond },
      message,
    );
    return;
  }
  if (target.isEphemeral) {
    if (!target.respond)
      throw new Error("an ephemeral message can only be replaced through its response_url");
    await target.respond({ replace_original: true, ...message });
    return;
  }
  try {
    await client.chat.update({ channel: target.channel, ts: target.ts, ...message });
  } catch (error) {
    if (!target.respond) throw error;
    await target.respond({ replace_original: true, ...message });
  }
  // The refreshed chart goes into the answer's thread so repeated clicks don't flood the channel.
  await uploadChart(client, deps, answer, { channel: target.channel, threadTs: target.ts });
}
