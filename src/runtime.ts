import type { Config } from "./config.ts";
import type { CommandContext, CoreSettings } from "./core/commands/context.ts";
import { createRegistry } from "./core/commands/index.ts";
import type { CommandRegistry } from "./core/commands/registry.ts";
import { migrate } from "./core/db/migrate.ts";
import { openDb } from "./core/db/open.ts";
import type { Db } from "./core/db/types.ts";

/** Everything a surface (Slack, console, CLI, digest) needs to answer commands. */
export interface Runtime {
  db: Db;
  registry: CommandRegistry;
  settings: CoreSettings;
  context(requester?: string): CommandContext;
  close(): Promise<void>;
}

export const DEFAULT_MODEL_PATH = "models/delivery_delay_model.json";

export function coreSettings(config: Config): CoreSettings {
  return {
    timeZone: config.TZ_REPORTS,
    modelPath: DEFAULT_MODEL_PATH,
    groq: config.GROQ_API_KEY
      ? { apiKey: config.GROQ_API_KEY, model: config.GROQ_MODEL, baseURL: config.GROQ_BASE_URL }
      : undefined,
  };
}

/**
 * Opens the database (server when DATABASE_URL or --db is a URL, else PGlite), applies
 * migrations and syncs the reporting time zone into the database, where SQL cuts business days.
 */
export async function openRuntime(config: Config, target: string): Promise<Runtime> {
  const db = await openDb(target);
  await migrate(db);
  await db.query(
    `insert into app_settings (key, value) values ('report_tz', $1)
     on conflict (key) do update set value = excluded.value`,
    [config.TZ_REPORTS],
  );
  const settings = coreSettings(config);
  const registry = createRegistry();
  const services = {};
  return {
    db,
    registry,
    settings,
    context: (requester) => ({ db, settings, services, now: () => new Date(), requester }),
    close: () => db.close(),
  };
}
