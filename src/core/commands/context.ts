import type { Db } from "../db/types.ts";
import type { EmbedderSettings } from "../rag/embedder/load.ts";

/** Settings core code needs; read from the environment by src/config.ts, never by core. */
export interface CoreSettings {
  /** IANA zone in which business days are cut (reporting), e.g. Asia/Kolkata. */
  timeZone: string;
  /** Where the delivery-delay model artifact lives. */
  modelPath: string;
  groq?: { apiKey: string; model: string; baseURL?: string; timeoutMs?: number };
  /** Which sentence-embedding model the feedback index uses (default: the offline USE-lite). */
  embeddings?: EmbedderSettings;
}

/**
 * Long-lived state that commands share (loaded model, embedding index…). Each capability
 * adds its own optional member; a command must cope with its member being absent.
 */
export interface Services {
  [name: string]: unknown;
}

export interface CommandContext {
  db: Db;
  settings: CoreSettings;
  services: Services;
  /** Injectable clock so tests and the digest can pin "today". */
  now: () => Date;
  /** Who asked (Slack user id or "console"), for logs and audit. */
  requester?: string;
  /** The Slack channel id the command was typed in; absent in the console. */
  channel?: string;
}
