import type { Command } from "commander";
import { roasCommand } from "../core/commands/roas.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printAnswer } from "./output.ts";

export function registerKpiCommand(program: Command, deps: CliDeps): void {
  program
    .command("kpi")
    .description("KPI summary (and daily rows with --json) for a period")
    .option("--from <date>", "first day, YYYY-MM-DD")
    .option("--to <date>", "last day, YYYY-MM-DD")
    .option("--days <n>", "last N days up to the latest data day (default 30)")
    .option("--json", "machine-readable output: summary, previous period and daily rows")
    .action(async (options: { from?: string; to?: string; days?: string; json?: boolean }) => {
      const args = kpiArgs(options);
      await withRuntime(deps, async (runtime) => {
        const answer = await runtime.registry.run(roasCommand, args, runtime.context("cli"));
        deps.setExitCode(
          printAnswer(options.json ? { ...answer, chart: undefined } : answer, Boolean(options.json)),
        );
      });
    });
}

/** The same argument language as `/roas`, so the CLI and Slack can't disagree. */
function kpiArgs(options: { from?: string; to?: string; days?: string }): string {
  if (options.from || options.to) return `${options.from ?? ""}..${options.to ?? ""}`;
  return options.days ? `${options.days}d` : "30d";
}
