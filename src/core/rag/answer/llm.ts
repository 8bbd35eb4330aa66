import Groq from "groq-sdk";
import { z } from "zod";

export interface GroqSettings {
  apiKey: string;
  model: string;
  baseURL?: string;
  timeoutMs?: number;
}

/** Why no model-written answer came back; the answer then falls back to extractive. */
export class LlmUnavailableError extends Error {
  override readonly name = "LlmUnavailableError";
  constructor(
    readonly reason: "timeout" | "http" | "malformed" | "network",
    message: string,
  ) {
    super(message);
  }
}

const analysisSchema = z.object({
  root_causes: z
    .array(
      z.object({
        title: z.string().min(1).max(200),
        explanation: z.string().max(1000).default(""),
        feedback_ids: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
      }),
    )
    .min(1)
    .max(8),
  business_impact: z.string().max(1500).default(""),
  recommendations: z.array(z.string().min(1).max(500)).min(1).max(8),
});

export type Analysis = z.infer<typeof analysisSchema>;

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

const DEFAULT_BASE_URL = "https://api.groq.com";
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Asks Groq for a JSON analysis, with a timeout and one retry (the SDK's own), and validates
 * the reply. Citations of feedback that was not retrieved are dropped; a root cause left with
 * no citation is dropped too, so every cause rests on quoted feedback.
 */
export async function analyse(
  settings: GroqSettings,
  messages: ChatMessage[],
  retrievedIds: ReadonlySet<string>,
): Promise<Analysis> {
  const client = new Groq({
    apiKey: settings.apiKey,
    // Explicit, so the SDK never falls back to reading GROQ_BASE_URL itself.
    baseURL: settings.baseURL ?? DEFAULT_BASE_URL,
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: 1,
  });
  // One deadline for the whole call, retries and their Retry-After sleeps included: the SDK
  // sleeps whatever a 429 says (up to a minute) before retrying.
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new LlmUnavailableError("timeout", "the AI service did not answer in time"));
    }, 2 * timeoutMs);
  });
  let content: string;
  try {
    const completion = await Promise.race([
      client.chat.completions.create(
        {
          model: settings.model,
          messages,
          temperature: 0.2,
          max_tokens: 1200,
          response_format: { type: "json_object" },
        },
        { signal: abort.signal },
      ),
      deadline,
    ]);
    content = completion.choices[0]?.message?.content ?? "";
  } catch (error) {
    if (error instanceof LlmUnavailableError) throw error;
    throw toUnavailable(error);
  } finally {
    clearTimeout(timer);
  }
  return parseAnalysis(content, retrievedIds);
}

export function parseAnalysis(content: string, retrievedIds: ReadonlySet<string>): Analysis {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch {
    throw new LlmUnavailableError("malformed", "the AI reply was not valid JSON");
  }
  const parsed = analysisSchema.safeParse(json);
  if (!parsed.success) {
    throw new LlmUnavailableError("malformed", "the AI reply did not have the expected fields");
  }
  const rootCauses = parsed.data.root_causes
    .map((cause) => ({
      ...cause,
      feedback_ids: [...new Set(cause.feedback_ids)].filter((id) => retrievedIds.has(id)),
    }))
    .filter((cause) => cause.feedback_ids.length > 0);
  if (rootCauses.length === 0) {
    throw new LlmUnavailableError("malformed", "the AI reply cited none of the retrieved feedback");
  }
  return { ...parsed.data, root_causes: rootCauses };
}

/** Some models wrap JSON in a Markdown code fence despite JSON mode. */
function stripFences(content: string): string {
  return content
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
}

function toUnavailable(error: unknown): LlmUnavailableError {
  if (error instanceof Groq.APIConnectionTimeoutError) {
    return new LlmUnavailableError("timeout", "the AI service did not answer in time");
  }
  if (error instanceof Groq.APIError && typeof error.status === "number") {
    return new LlmUnavailableError("http", `the AI service returned an error (HTTP ${error.status})`);
  }
  return new LlmUnavailableError("network", "the AI service could not be reached");
}
