import { openPglite } from "./pglite.ts";
import { openPostgres } from "./postgres.ts";
import type { Db } from "./types.ts";

/**
 * A `postgres://` or `postgresql://` URL opens a server connection pool; anything else is a
 * PGlite data directory (or `memory://`).
 */
export function openDb(target: string): Promise<Db> {
  return isServerUrl(target) ? openPostgres(target) : openPglite(target);
}

export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//.test(target);
}
