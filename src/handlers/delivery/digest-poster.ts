import type { types, webApi } from "@slack/bolt";
import type { DigestPoster } from "../../core/digest/worker.ts";
import type { BotMetrics } from "../../observability/metrics.ts";
import type { HandlerDeps } from "../deps.ts";
import { postAnswer } from "./post-answer.ts";
import { slackErrorCode } from "./slack-errors.ts";

/** The metadata event every digest message carries, with its report date in the payload. */
export const DIGEST_EVENT_TYPE = "blinkit_digest";
/** Messages asked for per conversations.history call, and how many calls before giving up. */
const HISTORY_PAGE_SIZE = 200;
const HISTORY_MAX_PAGES = 2;

export function digestMetadata(reportDate: string): types.MessageMetadata {
  return { event_type: DIGEST_EVENT_TYPE, event_payload: { report_date: reportDate } };
}

/**
 * The morning digest's poster in Slack. `client` should make one try per call: retrying is the
 * digest worker's job, because it looks for the earlier attempt's message first (`alreadyPosted`)
 * and a blind retry of a chat.postMessage whose response was lost posts the digest twice.
 */
export function slackDigestPoster(
  client: webApi.WebClient,
  deps: HandlerDeps,
  botId: () => Promise<string>,
): DigestPoster {
  return {
    post: (channel, answer, reportDate) =>
      countDigestPost(deps.metrics, () =>
        postAnswer(client, deps, { channel, user: "digest", metadata: digestMetadata(reportDate) }, answer),
      ),
    async alreadyPosted(channel, reportDate, since) {
      try {
        const found = await findDigestMessage(client, { channel, reportDate, since, botId: await botId() });
        if (found) deps.metrics.digestPosts.inc({ outcome: "already_posted" });
        return found;
      } catch (error) {
        const code = slackErrorCode(error);
        if (code) deps.metrics.slackApiErrors.inc({ code });
        throw error;
      }
    },
  };
}

/** Counts a digest handed to Slack as posted or failed; the failure is passed on. */
async function countDigestPost(metrics: BotMetrics, post: () => Promise<unknown>): Promise<void> {
  try {
    await post();
    metrics.digestPosts.inc({ outcome: "posted" });
  } catch (error) {
    metrics.digestPosts.inc({ outcome: "failed" });
    throw error;
  }
}

/**
 * The bot's own id (`B…`), which its messages carry as `bot_id`: the one given, else asked of
 * Slack once (auth.test). A failed lookup is not remembered, so the next check asks again.
 */
export function botIdOf(client: webApi.WebClient, given?: string): () => Promise<string> {
  let known: Promise<string> | undefined = given ? Promise.resolve(given) : undefined;
  return () => {
    known ??= client.auth.test().then((identity) => {
      if (!identity.bot_id) throw new Error("auth.test named no bot: is SLACK_BOT_TOKEN a bot token?");
      return identity.bot_id;
    });
    known.catch(() => {
      known = undefined;
    });
    return known;
  };
}

export interface DigestSearch {
  channel: string;
  reportDate: string;
  /** Messages older than this are not read. */
  since: Date;
  botId: string;
}

/**
 * Whether the bot posted the digest for `reportDate` in the channel since `since`, judged by the
 * metadata every digest carries. Throws when it cannot tell: Slack refused (missing scope, not in
 * the channel), failed, or the window holds more messages than it reads.
 */
export async function findDigestMessage(client: webApi.WebClient, search: DigestSearch): Promise<boolean> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_MAX_PAGES; page += 1) {
    const result = await client.conversations.history({
      channel: search.channel,
      oldest: slackTs(search.since),
      limit: HISTORY_PAGE_SIZE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    if ((result.messages ?? []).some((message) => isDigestFor(message, search))) return true;
    cursor = result.response_metadata?.next_cursor;
    if (!result.has_more || !cursor) return false;
  }
  throw new Error(
    `more than ${HISTORY_PAGE_SIZE * HISTORY_MAX_PAGES} messages since ${search.since.toISOString()}: stopped looking`,
  );
}

interface HistoryMessage {
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: object };
}

function isDigestFor(message: HistoryMessage, search: DigestSearch): boolean {
  const payload = message.metadata?.event_payload as { report_date?: unknown } | undefined;
  return (
    message.bot_id === search.botId &&
    message.metadata?.event_type === DIGEST_EVENT_TYPE &&
    payload?.report_date === search.reportDate
  );
}

/** Slack's timestamp form, seconds with microseconds ("1732503600.000000"). */
function slackTs(instant: Date): string {
  return (instant.getTime() / 1000).toFixed(6);
}
