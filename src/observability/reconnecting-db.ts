import type { Db, Engine, Queryable, QueryResult, Row } from "../core/db/types.ts";

/**
 * Thrown instead of a driver error while the database can't be reached. Its message is what a
 * user reads after "Something went wrong while answering /roas:", so it says what is going on.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
  constructor(override readonly cause: unknown) {
    super(
      "the data is unavailable right now because the database can't be reached; I'm retrying in the background",
    );
  }
}

export interface ReconnectingDbOptions {
  engine: Engine;
  /** Where the database is, never with a password (logs, /readyz). */
  description: string;
  /** Opens the real database; throws while it is down. */
  open(): Promise<Db>;
  /** Runs once after the first successful open, before any query is let through (migrations). */
  prepare?(db: Db): Promise<void>;
  /** Pause between connection attempts. */
  retryMs?: number;
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Every failure the app sees, for metrics: "unavailable" (connection) or "query" (the SQL). */
  onError?(kind: "unavailable" | "query"): void;
}

export interface ReconnectingDb extends Db {
  /** Whether the database has been opened and prepared (later outages are the pool's to heal). */
  readonly connected: boolean;
  /** Resolves once connected and prepared. */
  whenConnected(): Promise<void>;
}

export const DEFAULT_RETRY_MS = 5_000;

/**
 * A Db that lets the bot start while PostgreSQL is down: it keeps trying to open (and migrate)
 * the database in the background and, until it succeeds, fails every query at once with
 * DatabaseUnavailableError instead of hanging or crashing the process. Once open, the pg pool
 * replaces dead connections by itself; connection-class errors from a later outage surface as
 * DatabaseUnavailableError too, so users read the same sentence.
 */
export function reconnectingDb(options: ReconnectingDbOptions): ReconnectingDb {
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  let inner: Db | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let markConnected: () => void = () => undefined;
  const connectedPromise = new Promise<void>((resolve) => {
    markConnected = resolve;
  });

  const attempt = async (): Promise<void> => {
    let opened: Db | undefined;
    try {
      opened = await options.open();
      await options.prepare?.(opened);
      if (closed) {
        await opened.close();
        return;
      }
      inner = opened;
      if (failures > 0) {
        options.logger.info(
          { database: options.description, attempts: failures + 1 },
          "database reachable again",
        );
      }
      markConnected();
    } catch (error) {
      await opened?.close().catch(() => undefined);
      failures += 1;
      options.onError?.("unavailable");
      // One line per outage, then one a minute: enough to see it, not enough to drown the log.
      if (failures === 1 || (failures * retryMs) % 60_000 < retryMs) {
        options.logger.warn(
          { database: options.description, attempts: failures, retryMs, err: messageOf(error) },
          "database unavailable; retrying in the background",
        );
      }
      if (!closed) timer = setTimeout(() => void attempt(), retryMs);
    }
  };
  void attempt();

  const current = (): Db => {
    if (!inner) {
      options.onError?.("unavailable");
      throw new DatabaseUnavailableError(undefined);
    }
    return inner;
  };
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      if (isConnectionError(error)) {
        options.onError?.("unavailable");
        throw new DatabaseUnavailableError(error);
      }
      options.onError?.("query");
      throw error;
    }
  };

  return {
    engine: options.engine,
    description: options.description,
    get connected() {
      return inner !== undefined;
    },
    whenConnected: () => connectedPromise,
    query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
      return guarded(() => current().query<T>(sql, params));
    },
    exec(sql: string): Promise<void> {
      return guarded(() => current().exec(sql));
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return guarded(() => current().transaction(fn));
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await inner?.close();
    },
  };
}

// Node socket errors and PostgreSQL's "connection exception" (08…), "operator intervention"
// (57P01 admin shutdown, 57P03 cannot connect now) and "database does not exist" (3D000) classes.
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "3D000"]);

export function isConnectionError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === "string" &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
