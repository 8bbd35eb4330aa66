import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call as the app made it, with JSON-valued arguments already parsed. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  result: Record<string, unknown>;
}

/** Bytes POSTed to an upload URL handed out by files.getUploadURLExternal. */
export interface Upload {
  fileId: string;
  bytes: Buffer;
  filename: string;
}

/** A message chat.postMessage accepted, as conversations.history returns it (plus its channel). */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: unknown;
  bot_id: string;
  user: string;
  metadata?: unknown;
}

/** A message POSTed to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** Who the fake says the token belongs to (auth.test), and the author of the bot's messages. */
export const FAKE_BOT = { userId: "UBOT", botId: "BBOT" } as const;

/** Arguments Slack's client sends as JSON strings inside form bodies. */
const JSON_ARGS = new Set(["blocks", "attachments", "view", "files", "metadata"]);

/**
 * A local HTTP server standing in for Slack's Web API (point `clientOptions.slackApiUrl` at
 * `apiUrl`), its file upload URLs and response_urls. It records everything so tests can
 * assert on exactly what users would have seen.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly uploads: Upload[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Calls answered with HTTP 429, with when they arrived (ms since the epoch). */
  readonly rateLimited: Array<{ method: string; at: number }> = [];
  /** When each recorded call arrived (ms since the epoch), index for index with `calls`. */
  readonly callTimes: number[] = [];
  /** Channel messages the bot posted, oldest first: what conversations.history reads. */
  readonly messages: PostedMessage[] = [];
  /**
   * Where a posted message's ts comes from. Unset, messages get consecutive seconds from
   * 1700000000; a test of a time window (conversations.history's `oldest`) sets its own clock.
   */
  messageClock: (() => Date) | undefined;
  private readonly failures = new Map<string, string>();
  private readonly lostResponses = new Map<string, number>();
  private readonly limits = new Map<string, { remaining: number; retryAfterSeconds: number }>();
  private server: Server | undefined;
  private baseUrl = "";
  private nextTs = 1_700_000_000;
  private nextFile = 1;

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    const server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.server = server;
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The value for `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url whose posts are recorded under `id`. */
  responseUrl(id = `r${this.responses.length + 1}-${Math.random().toString(36).slice(2, 8)}`): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  /** Makes every later call to `method` answer `{ ok: false, error }` (e.g. "not_in_channel"). */
  failWith(method: string, error: string): void {
    this.failures.set(method, error);
  }

  /** Answers the next `times` calls to `method` with HTTP 429 and `Retry-After`, as Slack does. */
  rateLimit(method: string, times: number, retryAfterSeconds: number): void {
    this.limits.set(method, { remaining: times, retryAfterSeconds });
  }

  /**
   * Carries out the next `times` calls to `method` but cuts the connection instead of answering,
   * as when Slack's response is lost on the way back: a chat.postMessage lands all the same.
   */
  loseResponses(method: string, times: number): void {
    this.lostResponses.set(method, times);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(url: string): ResponseUrlPost[] {
    const id = url.slice(url.lastIndexOf("/") + 1);
    return this.responses.filter((response) => response.id === id);
  }

  /** Resolves once `condition` holds (work after ack() is asynchronous); rejects after `timeoutMs`. */
  async waitFor<T>(condition: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = condition();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`fake Slack: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.responses.length = 0;
    this.rateLimited.length = 0;
    this.callTimes.length = 0;
    this.messages.length = 0;
    this.messageClock = undefined;
    this.failures.clear();
    this.limits.clear();
    this.lostResponses.clear();
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", this.baseUrl).pathname;
    const contentType = request.headers["content-type"] ?? "";
    if (path.startsWith("/api/")) {
      const method = path.slice("/api/".length);
      const limit = this.limits.get(method);
      if (limit && limit.remaining > 0) {
        limit.remaining -= 1;
        this.rateLimited.push({ method, at: Date.now() });
        response.writeHead(429, {
          "content-type": "application/json",
          "retry-after": String(limit.retryAfterSeconds),
        });
        response.end(JSON.stringify({ ok: false, error: "ratelimited" }));
        return;
      }
      const args = parseArgs(body, contentType);
      const result = this.reply(method, args);
      this.calls.push({ method, args, result });
      this.callTimes.push(Date.now());
      const lost = this.lostResponses.get(method) ?? 0;
      if (lost > 0) {
        this.lostResponses.set(method, lost - 1);
        request.socket.destroy();
        return;
      }
      return sendJson(response, result);
    }
    if (path.startsWith("/upload/")) {
      const fileId = path.slice("/upload/".length);
      const file = await parseUpload(body, contentType);
      this.uploads.push({ fileId, ...file });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(`OK - ${file.bytes.length}`);
      return;
    }
    if (path.startsWith("/respond/")) {
      this.responses.push({ id: path.slice("/respond/".length), body: JSON.parse(body.toString("utf8")) });
      return sendJson(response, { ok: true });
    }
    response.writeHead(404);
    response.end();
  }

  private reply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const error = this.failures.get(method);
    if (error) return { ok: false, error };
    switch (method) {
      case "chat.postMessage":
        return this.postMessage(args);
      case "conversations.history":
        return this.history(args);
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.ts() };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "files.getUploadURLExternal": {
        const fileId = `F${String(this.nextFile++).padStart(6, "0")}`;
        return { ok: true, file_id: fileId, upload_url: `${this.baseUrl}/upload/${fileId}` };
      }
      case "files.completeUploadExternal": {
        const files = Array.isArray(args.files) ? (args.files as Array<{ id: string; title?: string }>) : [];
        return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
      }
      case "views.publish":
      case "views.open":
      case "views.update":
        return { ok: true, view: { id: `V${this.calls.length}`, ...(args.view as object) } };
      case "auth.test":
        return { ok: true, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, team_id: "T1" };
      default:
        return { ok: true };
    }
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    const message: PostedMessage = {
      channel: String(args.channel),
      ts: this.ts(),
      ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
      text: args.text,
      bot_id: FAKE_BOT.botId,
      user: FAKE_BOT.userId,
      ...(args.metadata ? { metadata: args.metadata } : {}),
    };
    this.messages.push(message);
    return { ok: true, channel: args.channel, ts: message.ts, message: { text: args.text } };
  }

  /**
   * The channel's top-level messages newer than `oldest`, newest first, `limit` a page (`cursor`
   * for the next); metadata only with `include_all_metadata`, as Slack does.
   */
  private history(args: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const withMetadata = String(args.include_all_metadata) === "true";
    const matching = this.messages
      .filter((m) => m.channel === args.channel && Number(m.ts) > oldest && !m.thread_ts)
      .reverse();
    const start = Number(args.cursor ?? 0);
    const end = start + Number(args.limit ?? 100);
    const page = matching.slice(start, end).map(({ channel: _channel, metadata, ...message }) => ({
      ...message,
      ...(withMetadata && metadata ? { metadata } : {}),
    }));
    const hasMore = end < matching.length;
    return {
      ok: true,
      messages: page,
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? String(end) : "" },
    };
  }

  private ts(): string {
    const sequence = this.nextTs++;
    if (!this.messageClock) return `${sequence}.000100`;
    const seconds = Math.floor(this.messageClock().getTime() / 1000);
    return `${seconds}.${String(sequence % 1_000_000).padStart(6, "0")}`;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseArgs(body: Buffer, contentType: string): Record<string, unknown> {
  const text = body.toString("utf8");
  if (contentType.includes("application/json")) return text ? JSON.parse(text) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

/** The upload POST is multipart (Slack's client) or a raw body; either way keep the bytes. */
async function parseUpload(body: Buffer, contentType: string): Promise<{ bytes: Buffer; filename: string }> {
  if (!contentType.includes("multipart/form-data")) return { bytes: body, filename: "" };
  const form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  for (const [, value] of form) {
    if (typeof value !== "string")
      return { bytes: Buffer.from(await value.arrayBuffer()), filename: value.name };
  }
  throw new Error("multipart upload without a file part");
}

function sendJson(response: ServerResponse, payload: unknown): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(payload));
}
