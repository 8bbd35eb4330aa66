import { hashingEmbedder } from "./hashing.ts";
import { EmbedderUnavailableError, loadTransformersEmbedder, type ModuleImporter } from "./transformers.ts";
import type { Embedder } from "./types.ts";
import { loadUseLite, USE_LITE_ID } from "./use-lite.ts";

export interface EmbedderSettings {
  /**
   * EMBEDDINGS_MODEL: unset or "use-lite" for the built-in Universal Sentence Encoder,
   * "hashing" for the dependency-free bag-of-words embedder, or a transformers.js model
   * name such as "Xenova/all-MiniLM-L6-v2".
   */
  model?: string;
  modelDir?: string;
  allowDownload?: boolean;
  /** When the chosen model cannot load, use the built-in one instead of failing. */
  fallbackToDefault?: boolean;
}

export interface LoadedEmbedder {
  embedder: Embedder;
  warnings: string[];
}

export async function loadEmbedder(
  settings: EmbedderSettings = {},
  importModule?: ModuleImporter,
): Promise<LoadedEmbedder> {
  const model = settings.model?.trim() || "use-lite";
  if (model === "use-lite" || model === USE_LITE_ID) return { embedder: await loadUseLite(), warnings: [] };
  const hashing = /^hashing(?:-(\d+))?$/.exec(model);
  if (hashing) return { embedder: hashingEmbedder(Number(hashing[1] ?? 256)), warnings: [] };
  try {
    const embedder = await loadTransformersEmbedder(
      { model, modelDir: settings.modelDir, allowDownload: settings.allowDownload },
      importModule,
    );
    return { embedder, warnings: [] };
  } catch (error) {
    if (!(error instanceof EmbedderUnavailableError) || !settings.fallbackToDefault) throw error;
    return {
      embedder: await loadUseLite(),
      warnings: [
        `${error.message} Using the built-in model (${USE_LITE_ID}) instead, as fallback was allowed.`,
      ],
    };
  }
}
