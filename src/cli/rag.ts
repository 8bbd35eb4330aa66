import type { Command } from "commander";
import { createProgress, type Progress } from "../console/progress.ts";
import type { Db } from "../core/db/types.ts";
import type { EmbedderSettings } from "../core/rag/embedder/load.ts";
import { indexCounts } from "../core/rag/index/build.ts";
import { type IndexState, RagService } from "../core/rag/service.ts";
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
        const { service, state } = await indexFeedback(db, settings.embeddings, progress, flags.rebuild);
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

/** One index run with a progress display: `rag index` and `data import` both use it. */
export async function indexFeedback(
  db: Db,
  embeddings: EmbedderSettings | undefined,
  progress: Progress,
  rebuild = false,
): Promise<{ service: RagService; state: IndexState }> {
  const service = new RagService(db, {
    embedder: embeddings,
    // Nothing to embed is not worth a progress line.
    onProgress: (p) => p.total > 0 && progress.update(p.done, p.total),
  });
  return { service, state: await service.startIndexing({ rebuild }) };
}
