import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SQL_DIR } from "./sql-files.ts";
import type { Db } from "./types.ts";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
  /** Numbered files (`001_schema.sql`) run once; others (views) re-run whenever their text changes. */
  repeatable: boolean;
}

export interface MigrationReport {
  applied: string[];
  unchanged: number;
}

// Same key on every replica: concurrent starts serialise instead of racing on DDL.
const MIGRATION_LOCK_KEY = 727_274_001;

export function listMigrations(dir: string = SQL_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort();
  const toFile = (name: string): MigrationFile => {
    const sql = readFileSync(join(dir, name), "utf8");
    return {
      name,
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
      repeatable: !/^\d+_/.test(name),
    };
  };
  const all = files.map(toFile);
  return [...all.filter((m) => !m.repeatable), ...all.filter((m) => m.repeatable)];
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them in
 * `schema_migrations`. Re-running is a no-op. When any repeatable file changed, all
 * repeatable files are re-applied in order, because they drop and recreate dependent views.
 */
export async function migrate(db: Db, dir: string = SQL_DIR): Promise<MigrationReport> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const migrations = listMigrations(dir);
  const report: MigrationReport = { applied: [], unchanged: 0 };
  const recorded = await db.query<{ name: string; checksum: string }>(
    "select name, checksum from schema_migrations",
  );
  const known = new Map(recorded.rows.map((row) => [row.name, row.checksum]));
  const repeatablesDirty = migrations.some((m) => m.repeatable && known.get(m.name) !== m.checksum);

  for (const migration of migrations) {
    const applied = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      const { rows } = await tx.query<{ checksum: string }>(
        "select checksum from schema_migrations where name = $1",
        [migration.name],
      );
      const previous = rows[0]?.checksum;
      if (!migration.repeatable && previous !== undefined) return false;
      if (migration.repeatable && !repeatablesDirty) return false;
      await tx.exec(migration.sql);
      await tx.query(
        `insert into schema_migrations (name, checksum) values ($1, $2)
         on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
        [migration.name, migration.checksum],
      );
      return true;
    });
    if (applied) {
      report.applied.push(migration.name);
    } else {
      report.unchanged += 1;
    }
  }
  return report;
}
