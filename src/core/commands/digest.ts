import { type DigestRequest, parseDigestArgs } from "../digest/args.ts";
import { formatLocalTime, localDateTime } from "../digest/clock.ts";
import { composeDigest } from "../digest/compose.ts";
import { digestSources } from "../digest/connect.ts";
import { latestRuns } from "../digest/runs.ts";
import { DIGEST_SECTIONS, nextRunAfter, type Subscription } from "../digest/schedule.ts";
import { digestServiceOf } from "../digest/service.ts";
import { activeSubscriptions, subscribe, unsubscribe } from "../digest/subscriptions.ts";
import { type Answer, answer, errorAnswer } from "./answer.ts";
import type { CommandContext } from "./context.ts";
import type { Command } from "./registry.ts";

const EXAMPLES = [
  "/digest subscribe 08:30",
  "/digest subscribe 09:00 Europe/London #kpis sections=kpis,chart,alerts",
  "/digest preview",
  "/digest list",
  "/digest unsubscribe",
];

export const digestCommand: Command = {
  name: "digest",
  summary: "The morning KPI digest: subscribe a channel, preview it, list subscriptions",
  examples: EXAMPLES,
  async run(args, ctx) {
    const parsed = parseDigestArgs(args);
    if (!parsed.ok) return errorAnswer("digest", parsed.message, `Examples: ${EXAMPLES.join(", ")}`);
    const request = parsed.value;
    switch (request.kind) {
      case "help":
        return digestHelp(ctx);
      case "list":
        return listAnswer(ctx);
      case "subscribe":
        return subscribeAnswer(request, ctx);
      case "unsubscribe":
        return unsubscribeAnswer(request.channel, ctx);
      case "preview":
        return previewAnswer(request.channel, request.reportDate, ctx);
    }
  },
};

const WHICH_CHANNEL_HINT =
  "Name the channel, e.g. `/digest subscribe 08:30 #kpis` (in Slack, type it in the channel).";

async function subscribeAnswer(
  request: Extract<DigestRequest, { kind: "subscribe" }>,
  ctx: CommandContext,
): Promise<Answer> {
  const channel = request.channel ?? ctx.channel;
  if (!channel)
    return errorAnswer("digest", "I don't know which channel to send the digest to.", WHICH_CHANNEL_HINT);
  const subscription: Subscription = {
    channel,
    localTime: request.localTime,
    timeZone: request.timeZone ?? ctx.settings.timeZone,
    sections: request.sections ?? [...DIGEST_SECTIONS],
    createdBy: ctx.requester ?? "unknown",
    source: "command",
  };
  const created = await subscribe(ctx.db, subscription, ctx.now());
  return answer("digest", created ? "Morning digest subscribed" : "Morning digest updated", {
    subtitle: `${channelLabel(channel, ctx)} gets the digest every day at ${subscription.localTime} ${subscription.timeZone}.`,
    sections: [
      {
        heading: "Schedule",
        lines: [
          `Next digest: ${nextLocal(subscription, ctx.now())}`,
          `Sections: ${subscription.sections.join(", ")}`,
          "Change it by subscribing again; stop it with /digest unsubscribe.",
        ],
      },
    ],
    actions: [{ id: "digest_preview", label: "Preview it now", command: `/digest preview ${channel}` }],
    data: { subscription, created },
  });
}

async function unsubscribeAnswer(requested: string | undefined, ctx: CommandContext): Promise<Answer> {
  const channel = requested ?? ctx.channel;
  if (!channel)
    return errorAnswer("digest", "I don't know which channel to unsubscribe.", WHICH_CHANNEL_HINT);
  const removed = await unsubscribe(ctx.db, channel);
  const fromConfig = digestServiceOf(ctx.services).defaultSubscription?.channel === channel;
  const configNote = `${channelLabel(channel, ctx)} is also the default digest channel in the bot's configuration (DIGEST_CHANNEL), so it keeps getting the digest at the configured time until an admin removes that setting.`;
  if (!removed) {
    if (fromConfig)
      return errorAnswer("digest", configNote, "Ask whoever runs the bot to unset DIGEST_CHANNEL.");
    return errorAnswer(
      "digest",
      `${channelLabel(channel, ctx)} isn't subscribed to the digest.`,
      "/digest list shows the subscribed channels.",
    );
  }
  return answer("digest", "Morning digest unsubscribed", {
    subtitle: `${channelLabel(channel, ctx)} will no longer get the morning digest.`,
    warnings: fromConfig ? [configNote] : [],
  });
}

async function previewAnswer(
  requested: string | undefined,
  reportDate: string | undefined,
  ctx: CommandContext,
): Promise<Answer> {
  const service = digestServiceOf(ctx.services);
  const channel = requested ?? ctx.channel;
  const subscription = (await activeSubscriptions(ctx.db, service.defaultSubscription)).find(
    (s) => s.channel === channel,
  );
  const timeZone = subscription?.timeZone ?? ctx.settings.timeZone;
  const date = reportDate ?? localDateTime(ctx.now(), timeZone).date;
  const digest = await composeDigest(
    ctx.db,
    {
      thresholds: service.thresholds,
      sections: subscription?.sections ?? DIGEST_SECTIONS,
      sources: digestSources(ctx),
    },
    date,
  );
  const note = subscription
    ? `Preview: only you can see this. ${channelLabel(subscription.channel, ctx)} gets it at ${subscription.localTime} ${subscription.timeZone}.`
    : "Preview: only you can see this. Subscribe a channel with /digest subscribe 08:30.";
  return { ...digest, visibility: "ephemeral", warnings: [note, ...digest.warnings] };
}

async function listAnswer(ctx: CommandContext): Promise<Answer> {
  const service = digestServiceOf(ctx.services);
  const subscriptions = await activeSubscriptions(ctx.db, service.defaultSubscription);
  if (subscriptions.length === 0) {
    return answer("digest", "No channel gets the morning digest yet", {
      visibility: "ephemeral",
      subtitle: "Type /digest subscribe 08:30 in a channel to send it there every morning.",
    });
  }
  const runs = await latestRuns(ctx.db);
  const now = ctx.now();
  return answer("digest", "Morning digest subscriptions", {
    visibility: "ephemeral",
    tables: [
      {
        columns: ["Channel", "Time", "Time zone", "Sections", "Next digest", "Last digest", "Set by"],
        rows: subscriptions.map((s) => {
          const run = runs.get(s.channel);
          const last = run
            ? `${run.reportDate}: ${run.status}${run.status === "posted" ? "" : ` after ${run.attempts} attempt${run.attempts === 1 ? "" : "s"}${run.lastError ? ` (${run.lastError})` : ""}`}`
            : "none yet";
          return [
            s.channel,
            s.localTime,
            s.timeZone,
            s.sections.length === DIGEST_SECTIONS.length ? "all" : s.sections.join(", "),
            nextLocal(s, now),
            last,
            s.source === "config" ? "configuration" : s.createdBy,
          ];
        }),
      },
    ],
    data: { subscriptions, runs: [...runs.values()] },
  });
}

function digestHelp(ctx: CommandContext): Answer {
  return answer("digest", "/digest — the morning KPI digest", {
    visibility: "ephemeral",
    sections: [
      {
        heading: "Commands",
        lines: [
          "/digest subscribe HH:MM [time zone] [#channel] [sections=…] — post the digest here every day",
          "/digest unsubscribe [#channel] — stop it",
          "/digest preview [#channel] [YYYY-MM-DD] — see it now, only you",
          "/digest list — every subscribed channel, its next and last digest",
        ],
      },
      {
        heading: "Details",
        lines: [
          `Times are wall-clock times in the given IANA zone (default ${ctx.settings.timeZone}); 08:30 stays 08:30 when clocks change.`,
          `Sections: ${DIGEST_SECTIONS.join(", ")} (default all).`,
          "Each channel gets one digest a day, even with several bot replicas; a bot that was down at the time posts it when it starts, within the catch-up window.",
          "The digest covers yesterday (or the latest day with data) against the 7-day average, with alerts, today's delay hotspots and the week's top complaint theme.",
        ],
      },
    ],
  });
}

function channelLabel(channel: string, ctx: CommandContext): string {
  return channel === ctx.channel ? "This channel" : channel;
}

/** "2026-11-26 08:30 Asia/Kolkata": the next slot as the subscriber reads it. */
function nextLocal(subscription: Subscription, now: Date): string {
  const next = nextRunAfter(subscription, now);
  if (!next) return "unknown";
  const local = localDateTime(next, subscription.timeZone);
  return `${local.date} ${formatLocalTime(local.minutes)} ${subscription.timeZone}`;
}
