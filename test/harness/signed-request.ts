import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "test-signing-secret-0123456789";

export interface SignOptions {
  /** Seconds since the epoch; defaults to now. Older than 5 minutes is a replay. */
  timestamp?: number;
  /** Replaces the computed signature (forgery tests). */
  signature?: string;
  /** Sends X-Slack-Retry-Num (and a retry reason), as Slack does when it re-sends an event. */
  retryNum?: number;
}

/** Slack's v0 scheme: HMAC-SHA256 over "v0:{timestamp}:{raw body}" with the signing secret. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackResponse {
  status: number;
  body: string;
}

/** Sends `body` to the app's HTTP receiver exactly as Slack would, signed with `secret`. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  contentType: string,
  options: SignOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(secret, timestamp, body),
      ...(options.retryNum === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }),
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

export interface SlashCommandFields {
  command: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  response_url: string;
  trigger_id?: string;
}

/** A trigger_id Slack would mint: unique per invocation, so the app's replay guard lets it through. */
export function freshTriggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${Math.random().toString(36).slice(2, 10)}`;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T1",
    team_domain: "blinkit",
    channel_id: "C1",
    channel_name: "marketing",
    user_id: "U1",
    user_name: "manager",
    text: "",
    api_app_id: "A1",
    trigger_id: freshTriggerId(),
    ...fields,
  }).toString();
}

export function postSlashCommand(
  url: string,
  secret: string,
  fields: SlashCommandFields,
  options?: SignOptions,
): Promise<SlackResponse> {
  return postSigned(url, secret, slashCommandBody(fields), "application/x-www-form-urlencoded", options);
}

/** An Events API callback wrapping `event`. */
export function postEvent(
  url: string,
  secret: string,
  event: Record<string, unknown>,
  options?: SignOptions & { eventId?: string },
): Promise<SlackResponse> {
  const envelope = {
    token: "legacy-verification-token",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: options?.eventId ?? `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
  return postSigned(url, secret, JSON.stringify(envelope), "application/json", options);
}

/** An interactivity payload (block_actions, view_submission…), form-encoded as Slack sends it. */
export function postInteraction(
  url: string,
  secret: string,
  payload: Record<string, unknown>,
  options?: SignOptions,
): Promise<SlackResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, secret, body, "application/x-www-form-urlencoded", options);
}

export interface ButtonPress {
  user: string;
  /** The button as the message carried it: action_id and value (a command line). */
  action: { action_id: string; value?: string };
  /** Where the button was: a channel message (its ts), ephemeral or not; absent for App Home. */
  message?: { channel: string; ts: string; ephemeral?: boolean; blocks?: unknown };
  responseUrl?: string;
}

/** The block_actions payload Slack sends when a message button is pressed. */
export function buttonPressPayload(press: ButtonPress): Record<string, unknown> {
  const { message } = press;
  return {
    type: "block_actions",
    user: { id: press.user },
    team: { id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: freshTriggerId(),
    ...(message
      ? {
          channel: { id: message.channel },
          container: {
            type: "message",
            message_ts: message.ts,
            channel_id: message.channel,
            is_ephemeral: message.ephemeral ?? false,
          },
          ...(message.ephemeral
            ? {}
            : { message: { type: "message", ts: message.ts, text: "", blocks: message.blocks } }),
        }
      : {}),
    ...(press.responseUrl ? { response_url: press.responseUrl } : {}),
    actions: [{ type: "button", block_id: "b", action_ts: "1700000001.0", ...press.action }],
  };
}
