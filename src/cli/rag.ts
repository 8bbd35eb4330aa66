import type { Command } from "commander";
import { createProgress } from "../console/progress.ts";
import { indexCounts } from "../core/rag/index/build.ts";
import { RagService } from "../core/rag/service.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";

export function registerRagCommands(program: Command, deps: CliDeps): void {
  const rag = program.command("rag").description("the semantic index of customer feedback");

  rag
    .command("index")
    .description("embed feedback texts not indexed yet (incremental; identical texts embedded once)")
    .option("--rebuild", "drop every vector first (after changing EMBEDDINGS_MODEL)")
    .option("--json", "print the result as JSON")
    .action(async (flags: { rebuild?: boolean; json?: boolean }) => {
      await withRuntime(deps, async ({ db, settings }) => {
        const progress = createProgress("Embedding feedback");
        const service = new RagService(db, {
          embedder: settings.embeddings,
          onProgress: (p) => progress.update(p.done, p.total),
        });
        const state = await service.startIndexing({ rebuild: flags.rebuild });
        const counts = await indexCounts(db);
        if (state.status === "failed") {
          progress.done("failed");
          process.stderr.write(`${state.message}\n`);
          deps.setExitCode(1);
          return;
        }
        progress.done();
        const result = { state, counts, warnings: service.warnings };
        if (flags.json) return printJson(result);
        const report = state.status === "ready" ? state.report : undefined;
        process.stdout.write(
          `${report ? `Embedded ${report.embedded} new texts with ${report.modelId} (${report.searchPath} search); ` : ""}` +
            `${counts.textsIndexed} of ${counts.textsTotal} distinct texts indexed, covering ${counts.rowsIndexed} of ${counts.rowsTotal} feedback rows.\n`,
        );
        for (const warning of service.warnings) process.stdout.write(`⚠ ${warning}\n`);
      });
    });
}
