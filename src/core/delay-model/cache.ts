import { statSync } from "node:fs";
import { loadDelayModel, ModelLoadError } from "./artifact.ts";
import type { DelayModel } from "./model.ts";

/** The services-bag key under which the loaded model is kept. */
export const DELAY_MODEL_SERVICE = "delayModel";

interface CachedModel {
  path: string;
  mtimeMs: number;
  model: DelayModel;
}

/**
 * The model at `path`, loaded once and kept in `services` until the file changes (a retrain
 * replaces it), so a busy channel doesn't re-read a multi-megabyte file per command.
 * Throws ModelLoadError when there is no usable model.
 */
export function getDelayModel(services: Record<string, unknown>, path: string): DelayModel {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    throw new ModelLoadError(
      `No delivery-delay model has been trained yet (nothing at ${path}).`,
      "Train one with `blinkit model train` (a few seconds on 50k orders); it is then picked up automatically.",
    );
  }
  const cached = services[DELAY_MODEL_SERVICE] as CachedModel | undefined;
  if (cached && cached.path === path && cached.mtimeMs === mtimeMs) return cached.model;
  const model = loadDelayModel(path);
  services[DELAY_MODEL_SERVICE] = { path, mtimeMs, model } satisfies CachedModel;
  return model;
}
