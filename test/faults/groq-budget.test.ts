import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/core/commands/context.ts";
import { whyCommand } from "../../src/core/commands/why.ts";
import { hashingEmbedder } from "../../src/core/rag/embedder/hashing.ts";
import { RagService } from "../../src/core/rag/service.ts";
import { AI_FALLBACK_WARNING } from "../../src/handlers/middleware/observe.ts";
import { insertFeedback } from "../core/rag/fixtures.ts";
import { createTestDb, type TestDb } from "../harness/db.ts";

/** Per-request timeout given to the Groq client in these tests. */
const TIMEOUT_MS = 1_000;
/**
 * The time budget of a /why answer when Groq misbehaves: the attempt and its one retry, each
 * bounded by the timeout, plus slack for retrieval on a busy machine. Whatever Groq says.
 */
const BUDGET_MS = 2 * TIMEOUT_MS + 2_000;

type Behaviour = "rate-limited" | "server-error" | "hang";

/** Groq's chat endpoint misbehaving in one of the ways it does in production. */
async function misbehavingGroq(
  behaviour: () => Behaviour,
): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits += 1;
    req.resume();
    switch (behaviour()) {
      case "rate-limited":
        // What Groq sends when a key's tokens-per-minute are spent: come back in a while.
        res.writeHead(429, { "content-type": "application/json", "retry-after": "10" });
        res.end(
          JSON.stringify({
            error: { message: "Rate limit reached", type: "tokens", code: "rate_limit_exceeded" },
          }),
        );
        return;
      case "server-error":
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "internal", type: "server_error" } }));
        return;
      case "hang":
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("/why when Groq fails: an extractive answer within the time budget", () => {
  let t: TestDb;
  let rag: RagService;
  let mode: Behaviour = "server-error";
  let groq: Awaited<ReturnType<typeof misbehavingGroq>>;

  beforeAll(async () => {
    t = await createTestDb("pglite");
    await insertFeedback(t.db);
    rag = new RagService(t.db, { embedderInstance: hashingEmbedder(128) });
    await rag.startIndexing();
    groq = await misbehavingGroq(() => mode);
  });
  afterAll(async () => {
    await groq?.close();
    await t?.dispose();
  });

  const ask = async () => {
    const ctx: CommandContext = {
      db: t.db,
      settings: {
        timeZone: "Asia/Kolkata",
        modelPath: "",
        groq: { apiKey: "test-key", model: "llama-3.1-8b-instant", baseURL: groq.url, timeoutMs: TIMEOUT_MS },
      },
      services: { rag },
      now: () => new Date("2026-11-25T10:00:00Z"),
    };
    const started = performance.now();
    const answer = await whyCommand.run("why are customers unhappy in the South zone last week?", ctx);
    return { answer, elapsedMs: performance.now() - started };
  };

  it.each<Behaviour>(["server-error", "hang"])(
    "answers extractively within the budget when Groq %s",
    async (behaviour) => {
      mode = behaviour;
      const { answer, elapsedMs } = await ask();
      expect(answer.error).toBeUndefined();
      // The same sentence the request metrics count as a Groq fallback.
      expect(answer.warnings.some((warning) => AI_FALLBACK_WARNING.test(warning))).toBe(true);
      expect(answer.quotes.length).toBeGreaterThan(0);
      expect(elapsedMs).toBeLessThan(BUDGET_MS);
    },
  );

  // groq-sdk sleeps for whatever Retry-After says before its one retry (30–60 s from the real
  // Groq); the overall deadline in src/core/rag/answer/llm.ts aborts it and falls back instead.
  it("answers extractively within the budget when Groq rate-limits (429, Retry-After: 10)", async () => {
    mode = "rate-limited";
    const { answer, elapsedMs } = await ask();
    // The same sentence the request metrics count as a Groq fallback.
    expect(answer.warnings.some((warning) => AI_FALLBACK_WARNING.test(warning))).toBe(true);
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  }, 30_000);
});
