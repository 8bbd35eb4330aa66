import type { webApi } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import { describeError } from "../../core/commands/registry.ts";
import { contextBlock } from "../blocks/answer-blocks.ts";
import { escapeSlack } from "../blocks/escape.ts";
import type { HandlerDeps } from "../deps.ts";
import { slackErrorCode, slackFailureHint } from "./slack-errors.ts";

export interface Place {
  channel: string;
  threadTs?: string;
}

/**
 * Renders the answer's chart and uploads it (files.uploadV2) to `place`. The text answer is
 * already out when this runs: a failure only adds a short note saying the chart is missing.
 */
export async function uploadChart(
  client: webApi.WebClient,
  deps: HandlerDeps,
  answer: Answer,
  place: Place,
): Promise<boolean> {
  const spec = answer.chart;
  if (!spec) return false;
  let png: Buffer;
  try {
    png = await deps.renderChart(spec);
  } catch (error) {
    deps.logger.warn({ err: describeError(error), command: answer.command }, "chart rendering failed");
    await postNote(
      client,
      deps,
      place,
      `Chart unavailable this time (${describeError(error)}); the numbers above are complete.`,
    );
    return false;
  }
  try {
    const destination = place.threadTs
      ? { channel_id: place.channel, thread_ts: place.threadTs }
      : { channel_id: place.channel };
    await client.files.uploadV2({
      ...destination,
      file: png,
      filename: `${answer.command}-chart.png`,
      title: spec.title,
      alt_text: `${spec.title}: ${spec.series.map((series) => series.label).join(" and ")}`,
    });
    return true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code) deps.metrics.slackApiErrors.inc({ code });
    deps.logger.warn({ err: describeError(error), code, command: answer.command }, "chart upload failed");
    await postNote(client, deps, place, `I couldn't attach the chart. ${slackFailureHint(error)}`);
    return false;
  }
}

async function postNote(
  client: webApi.WebClient,
  deps: HandlerDeps,
  place: Place,
  note: string,
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs ? { thread_ts: place.threadTs } : {}),
      text: escapeSlack(note),
      blocks: [contextBlock(`:information_source: ${escapeSlack(note)}`)],
    });
  } catch (error) {
    deps.logger.warn({ err: describeError(error) }, "could not post the chart note either");
  }
}
