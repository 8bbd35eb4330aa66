import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake Groq API does with the next chat completion request. */
export type FakeGroqReply =
  | { kind: "content"; content: string }
  | { kind: "status"; status: number; body?: unknown }
  /** Never answers, so the client's timeout fires. */
  | { kind: "hang" };

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string };
}

export interface FakeGroq {
  /** Pass as groq-sdk's `baseURL`. */
  baseURL: string;
  /** Every chat completion request received, in order (retries included). */
  requests: ChatRequest[];
  /** Sets how the following requests are answered. */
  reply(next: FakeGroqReply | ((request: ChatRequest) => FakeGroqReply)): void;
  close(): Promise<void>;
}

/** A local stand-in for api.groq.com's OpenAI-compatible chat completions endpoint. */
export async function startFakeGroq(): Promise<FakeGroq> {
  const requests: ChatRequest[] = [];
  let respond: (request: ChatRequest) => FakeGroqReply = () => ({ kind: "status", status: 503 });
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST" || !req.url?.endsWith("/openai/v1/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const request = JSON.parse(raw) as ChatRequest;
    requests.push(request);
    const reply = respond(request);
    if (reply.kind === "hang") return;
    if (reply.kind === "status") {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify(reply.body ?? { error: { message: "fake failure", type: "server_error" } }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: 1_700_000_000,
        model: request.model,
        choices: [
          { index: 0, message: { role: "assistant", content: reply.content }, finish_reason: "stop" },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    reply(next) {
      respond = typeof next === "function" ? next : () => next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
