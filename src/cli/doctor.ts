import type { Command } from "commander";
import { slackMode } from "../config.ts";
import { describeError } from "../core/commands/registry.ts";
import { listUnmappedAreas } from "../core/data/zones.ts";
import { listMigrations } from "../core/db/migrate.ts";
import { sqlQuery } from "../core/db/sql-files.ts";
import { loadDelayModel } from "../core/delay-model/index.ts";
import { dataBounds } from "../core/kpis/kpis.ts";
import { indexCounts } from "../core/rag/index/build.ts";
import { readIndexMeta } from "../core/rag/index/meta.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One screen that says whether every layer has what it needs, and what to run when not. */
export function registerDoctorCommand(program: Command, deps: CliDeps): void {
  program
    .command("doctor")
    .description("check the database, data, delay model, feedback index, Slack and Groq settings")
    .option("--json", "machine-readable output")
    .action(async (flags: { json?: boolean }) => {
      await withRuntime(deps, async ({ db, settings }) => {
        const checks: Check[] = [];
        const add = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
        const counts =
          (await db.query<Record<string, number>>(sqlQuery("doctor_table_counts"))).rows[0] ?? {};
        add(
          "database",
          true,
          `${db.description}, ${counts.migrations ?? 0}/${listMigrations().length} migrations`,
        );
        const bounds = await dataBounds(db);
        add(
          "data",
          (counts.orders ?? 0) > 0,
          (counts.orders ?? 0) > 0
            ? `${counts.orders} orders, ${counts.customer_feedback} feedback, ${counts.marketing_performance} marketing rows; ${bounds.firstDay} to ${bounds.lastDay}; ${counts.import_quarantine} quarantined rows`
            : "no orders loaded: run `blinkit data import <dir>` (or `blinkit data generate` then import)",
        );
        const unmapped = await listUnmappedAreas(db);
        add(
          "zones",
          unmapped.length === 0,
          unmapped.length === 0
            ? "every area maps to a zone"
            : `${unmapped.length} areas have no zone (e.g. ${unmapped
                .slice(0, 3)
                .map((u) => u.area)
                .join(", ")}): \`blinkit zones unmapped\``,
        );
        try {
          const model = loadDelayModel(settings.modelPath);
          const m = model.metadata;
          const auc = m.metrics.rocAuc;
          add(
            "delay model",
            auc !== null && auc >= 0.6,
            `${m.modelVersion}, trained ${m.trainedAt.slice(0, 10)} on ${m.data.rows} orders, hold-out ROC-AUC ${auc?.toFixed(3) ?? "n/a"}` +
              `${m.data.refit ? ` (same settings on the earliest ${m.data.trainRows}, then refit on all)` : ""}` +
              `${auc !== null && auc < 0.6 ? " (unreliable)" : ""}`,
          );
        } catch (error) {
          add("delay model", false, describeError(error));
        }
        const meta = await readIndexMeta(db);
        const index = await indexCounts(db);
        add(
          "feedback index",
          index.textsTotal === 0 || index.textsIndexed === index.textsTotal,
          `${meta.searchPath} search, model ${meta.modelId ?? "none yet"}; ${index.textsIndexed}/${index.textsTotal} distinct texts embedded${index.textsIndexed < index.textsTotal ? ": run `blinkit rag index`" : ""}`,
        );
        const mode = slackMode(deps.config);
        add(
          "slack",
          true,
          mode === "console" ? "no SLACK_BOT_TOKEN: `npm start` opens the console" : `${mode} mode`,
        );
        add(
          "groq",
          Boolean(settings.groq),
          settings.groq
            ? `model ${settings.groq.model}`
            : "no GROQ_API_KEY: /why answers are extractive (labelled as not AI-written)",
        );
        if (flags.json) return printJson({ checks, counts });
        for (const check of checks) {
          process.stdout.write(`${check.ok ? "✔" : "✖"} ${check.name.padEnd(15)} ${check.detail}\n`);
        }
      });
    });
}
