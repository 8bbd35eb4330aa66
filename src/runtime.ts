import type { Config } from "./config.ts";
import type { CommandContext, CoreSettings, Services } from "./core/commands/context.ts";
import { createRegistry } from "./core/commands/index.ts";
import type { CommandRegistry } from "./core/commands/registry.ts";
import { migrate } from "./core/db/migrate.ts";
import { isServerUrl, openDb } from "./core/db/open.ts";
import { redactUrl } from "./core/db/postgres.ts";
import type { Db } from "./core/db/types.ts";
import { DIGEST_SERVICE, digestService } from "./core/digest/service.ts";
import { refreshDailyRollup } from "./core/kpis/rollup.ts";
import { RagService } from "./core/rag/service.ts";
import type { Logger } from "./logger.ts";
import { reconnectingDb } from "./observability/reconnecting-db.ts";

/** Everything a surface (Slack, console, CLI, digest) needs to answer commands. */
export interface Runtime {
  db: Db;
  registry: CommandRegistry;
  settings: CoreSettings;
  services: Services;
  context(requester?: string): CommandContext;
  close(): Promise<void>;
}

export function coreSettings(config: Config): CoreSettings {
  return {
    timeZone: config.TZ_REPORTS,
    modelPath: config.MODEL_PATH,
    groq: config.GROQ_API_KEY
      ? { apiKey: config.GROQ_API_KEY, model: config.GROQ_MODEL, baseURL: config.GROQ_BASE_URL }
      : undefined,
    embeddings: {
      model: config.EMBEDDINGS_MODEL,
      modelDir: config.EMBEDDINGS_MODEL_DIR,
      allowDownload: config.EMBEDDINGS_ALLOW_DOWNLOAD,
      fallbackToDefault: config.EMBEDDINGS_FALLBACK,
    },
  };
}

export interface RuntimeOptions {
  /**
   * Long-running processes (the Slack bot) start even while a server database is down: queries
   * fail with "data is unavailable, retrying" until it is reachable, then migrations run and
   * everything works. One-shot commands (CLI) leave this off and fail at once with the reason.
   */
  survivingDatabaseOutage?: { logger: Logger; onDbError?: (kind: "unavailable" | "query") => void };
}

/**
 * Opens the database (server when DATABASE_URL or --db is a URL, else PGlite), applies
 * migrations and syncs the reporting time zone into the database, where SQL cuts business days.
 */
export async function openRuntime(
  config: Config,
  target: string,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const prepare = async (opened: Db) => {
    await migrate(opened);
    await syncReportTimeZone(opened, config.TZ_REPORTS);
  };
  const outage = options.survivingDatabaseOutage;
  let db: Db;
  if (outage && isServerUrl(target)) {
    db = reconnectingDb({
      engine: "postgres",
      description: redactUrl(target),
      open: () => openDb(target),
      prepare,
      logger: outage.logger,
      onError: outage.onDbError,
    });
  } else {
    db = await openDb(target);
    await prepare(db);
  }
  const settings = coreSettings(config);
  const registry = createRegistry();
  const services: Services = {
    [DIGEST_SERVICE]: digestService({
      channel: config.DIGEST_CHANNEL,
      time: config.DIGEST_TIME,
      timeZone: config.DIGEST_TIME_ZONE ?? config.TZ_REPORTS,
      thresholds: { roasTarget: config.DIGEST_ROAS_TARGET },
    }),
    // Created here so it gets the configured embedding model; indexing starts when asked.
    rag: new RagService(db, { embedder: settings.embeddings }),
  };
  return {
    db,
    registry,
    settings,
    services,
    context: (requester) => ({ db, settings, services, now: () => new Date(), requester }),
    close: () => db.close(),
  };
}

/** Business days are cut in SQL; a changed TZ_REPORTS moves them, so the rollup is rebuilt. */
async function syncReportTimeZone(db: Db, timeZone: string): Promise<void> {
  const { rows } = await db.query<{ value: string }>(
    "select value from app_settings where key = 'report_tz'",
  );
  if (rows[0]?.value === timeZone) return;
  await db.query(
    `insert into app_settings (key, value) values ('report_tz', $1)
     on conflict (key) do update set value = excluded.value`,
    [timeZone],
  );
  await refreshDailyRollup(db);
}
