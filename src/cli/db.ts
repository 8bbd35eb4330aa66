import type { Command } from "commander";
import { migrate } from "../core/db/migrate.ts";
import { openDb } from "../core/db/open.ts";
import { refreshDailyRollup } from "../core/kpis/rollup.ts";
import type { CliDeps } from "./deps.ts";
import { printJson } from "./output.ts";

export function registerDbCommands(program: Command, deps: CliDeps): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations (idempotent) and refresh the daily rollup")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => {
      const database = await openDb(deps.target());
      try {
        const report = await migrate(database);
        await refreshDailyRollup(database);
        if (options.json) printJson({ database: database.description, ...report });
        else
          process.stdout.write(
            `${database.description}: ${report.applied.length ? `applied ${report.applied.join(", ")}` : "up to date"}\n`,
          );
      } finally {
        await database.close();
      }
    });
}
