import type { Command } from "commander";
import { createProgress } from "../console/progress.ts";
import {
  evaluateSavedModel,
  formatEvaluationReport,
  formatTrainReport,
  TRAINING_STAGE_WORDS,
  trainDelayModel,
} from "../core/delay-model/index.ts";
import { ENGINE_NAMES, type EngineName } from "../core/delay-model/model.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";

interface TrainFlags {
  engine: string;
  trees?: string;
  maxDepth?: string;
  since?: string;
  halfLife?: string;
  refit: boolean;
  json?: boolean;
}

export function registerModelCommands(program: Command, deps: CliDeps): void {
  const model = program.command("model").description("the delivery-delay Random Forest");

  model
    .command("train")
    .description(
      "train on the loaded orders (time-based hold-out), refit on all of them, save the artifact and its metrics",
    )
    .option("--trees <n>", "trees in the forest (default 300)")
    .option("--max-depth <d>", "fix the depth instead of searching it on the validation slice")
    .option("--since <date>", "learn only from orders on or after YYYY-MM-DD")
    .option(
      "--half-life <days>",
      "weigh recent orders more: an order counts 0.5^(its age in days / this); off by default (see docs/delay-model.md)",
    )
    .option("--engine <name>", `training engine: ${ENGINE_NAMES.join(" | ")}`, "histogram-forest")
    .option(
      "--no-refit",
      "save the forest trained on the earliest 80 % (the one the hold-out scored) instead of refitting it on all orders",
    )
    .option("--json", "print the report as JSON")
    .action(async (flags: TrainFlags) => {
      await withRuntime(deps, async ({ db, settings }) => {
        const progress = createProgress("Training");
        const report = await trainDelayModel(
          db,
          {
            modelPath: settings.modelPath,
            timeZone: settings.timeZone,
            trees: optionalInt(flags.trees, "--trees"),
            maxDepth: optionalInt(flags.maxDepth, "--max-depth"),
            since: flags.since,
            engine: engineName(flags.engine),
            refit: flags.refit,
            halfLifeDays: halfLifeDays(flags.halfLife),
          },
          (p) => progress.update(p.done, p.total, TRAINING_STAGE_WORDS[p.stage]),
        );
        progress.done();
        if (flags.json) printJson({ ...report, model: report.model.metadata });
        else process.stdout.write(`${formatTrainReport(report)}\n`);
      });
    });

  model
    .command("eval")
    .description("re-score the saved model on orders it was not fitted on (for a refit model: newer ones)")
    .option("--json", "print the report as JSON")
    .action(async (flags: { json?: boolean }) => {
      await withRuntime(deps, async ({ db, settings }) => {
        const report = await evaluateSavedModel(db, settings.modelPath);
        if (flags.json) printJson({ ...report, model: report.model.metadata });
        else process.stdout.write(`${formatEvaluationReport(report)}\n`);
      });
    });
}

function engineName(text: string): EngineName {
  const engine = ENGINE_NAMES.find((name) => name === text);
  if (!engine) throw new Error(`--engine must be one of ${ENGINE_NAMES.join(", ")}, got "${text}"`);
  return engine;
}

/** --half-life: a positive number of days ("21", "10.5"); absent: every order counts the same. */
export function halfLifeDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value) || value <= 0) {
    throw new Error(`--half-life must be a positive number of days, got "${text}"`);
  }
  return value;
}

function optionalInt(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${flag} must be a positive whole number, got "${text}"`);
  return value;
}
