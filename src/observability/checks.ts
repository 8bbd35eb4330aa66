import { describeError } from "../core/commands/registry.ts";
import type { Db } from "../core/db/types.ts";
import { getDelayModel } from "../core/delay-model/cache.ts";
import { type IndexState, RagService } from "../core/rag/service.ts";
import type { CheckResult, ReadinessCheck } from "./health.ts";

const ok = (detail: string): CheckResult => ({ status: "ok", detail });

/** Critical: without the database no command can answer. */
export function databaseCheck(db: Db): ReadinessCheck {
  return {
    name: "database",
    critical: true,
    async run() {
      try {
        await db.query("select 1");
        return ok(db.description);
      } catch (error) {
        return {
          status: "down",
          detail: `${db.description} is unreachable (${describeError(error)}); the bot retries by itself — check that PostgreSQL is running and DATABASE_URL is right.`,
        };
      }
    },
  };
}

/** Not critical: /delay-risk explains how to train a model, everything else still answers. */
export function delayModelCheck(services: Record<string, unknown>, modelPath: string): ReadinessCheck {
  return {
    name: "delay_model",
    critical: false,
    run() {
      try {
        const model = getDelayModel(services, modelPath);
        return ok(`trained ${model.metadata.trainedAt} (${modelPath})`);
      } catch (error) {
        return { status: "degraded", detail: describeError(error) };
      }
    },
  };
}

/** Not critical: while the semantic index builds, /why answers by keywords and says so. */
export function feedbackIndexCheck(state: () => IndexState): ReadinessCheck {
  return {
    name: "feedback_index",
    critical: false,
    run() {
      const current = state();
      switch (current.status) {
        case "ready":
          return ok(`${current.report.searchPath} search, model ${current.report.modelId}`);
        case "building":
          return {
            status: "degraded",
            detail: `building: ${current.progress.done} of ${current.progress.total} texts embedded; /why uses keywords meanwhile`,
          };
        case "failed":
          return {
            status: "degraded",
            detail: `index build failed (${current.message}); /why uses keywords — run \`blinkit rag index\``,
          };
        default:
          return { status: "degraded", detail: "not built yet; /why uses keywords meanwhile" };
      }
    },
  };
}

/**
 * The app's /readyz checks from its runtime: the database (critical), the delay model and the
 * feedback index (reported). The index is read from `services.rag` when the app has started it.
 */
export function appReadinessChecks(runtime: {
  db: Db;
  services: Record<string, unknown>;
  settings: { modelPath: string };
}): ReadinessCheck[] {
  return [
    databaseCheck(runtime.db),
    delayModelCheck(runtime.services, runtime.settings.modelPath),
    feedbackIndexCheck(() => {
      const rag = runtime.services.rag;
      return rag instanceof RagService ? rag.indexState : { status: "idle" };
    }),
  ];
}
