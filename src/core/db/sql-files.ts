import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the repository's `sql/` folder, wherever the process was started from. */
export const SQL_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "sql");

const cache = new Map<string, string>();

/**
 * Loads a named query from `sql/queries/<name>.sql`. Queries stay in SQL files, take
 * positional parameters ($1, $2…) and are never assembled from user input.
 */
export function sqlQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(SQL_DIR, "queries", `${name}.sql`), "utf8");
    cache.set(name, text);
  }
  return text;
}
