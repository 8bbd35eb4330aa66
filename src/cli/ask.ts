import type { Command } from "commander";
import { writeChartFile } from "../console/chart-file.ts";
import { createProgress } from "../console/progress.ts";
import { renderAnswerText } from "../console/render.ts";
import { commandForText, commandLineFor } from "../core/commands/mention-router.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";
import { indexFeedback } from "./rag.ts";

export function registerAskCommand(program: Command, deps: CliDeps): void {
  program
    .command("ask")
    .description('run one command as the console would, e.g. blinkit ask "/roas 30d"')
    .argument("<line...>", "the command line")
    .option("--json", "print the answer as JSON")
    .option("--chart-dir <dir>", "where to write chart PNGs", "data/charts")
    .action(async (words: string[], options: { json?: boolean; chartDir: string }) => {
      const line = words.join(" ");
      await withRuntime(deps, async (runtime) => {
        // A one-shot process has no background indexing to wait for: bring the feedback index up
        // to date first (incremental, so quick once built) so /why ranks semantically.
        if (commandForText(runtime.registry, line).command === "why") {
          const progress = createProgress("Embedding new feedback");
          const { service, state } = await indexFeedback(runtime.db, runtime.settings.embeddings, progress);
          if (state.status === "ready" && state.report.embedded > 0)
            progress.done(`${state.report.embedded} texts`);
          runtime.services.rag = service;
        }
        const answer = await runtime.registry.runLine(
          commandLineFor(runtime.registry, line),
          runtime.context("cli"),
        );
        if (options.json) {
          printJson(answer);
        } else {
          const chartPath = answer.chart
            ? await writeChartFile(answer.chart, options.chartDir, answer.command)
            : undefined;
          process.stdout.write(
            `${renderAnswerText(answer, { color: Boolean(process.stdout.isTTY), chartPath })}\n`,
          );
        }
        deps.setExitCode(answer.error ? 1 : 0);
      });
    });
}
