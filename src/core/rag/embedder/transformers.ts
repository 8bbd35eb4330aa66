import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Embedder, normalise } from "./types.ts";

/**
 * A dependency, but imported by name only when a transformers.js model is chosen: loading it
 * brings in onnxruntime-node and sharp, which the built-in model's start-up should not pay for.
 */
export const TRANSFORMERS_PACKAGE = "@xenova/transformers";

/**
 * What transformers.js v2 reads for a feature-extraction pipeline with { quantized: true },
 * relative to `<model dir>/<model name>/`.
 */
export const MODEL_FILES = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "onnx/model_quantized.onnx",
] as const;

/** What this loader uses of transformers.js; a stand-in module in tests needs no more. */
interface FeatureOutput {
  data: Float32Array;
  dims: number[];
}
type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<FeatureOutput>;
export interface TransformersModule {
  env: { localModelPath: string; allowRemoteModels: boolean; allowLocalModels: boolean; cacheDir: string };
  pipeline(
    task: "feature-extraction",
    model: string,
    options?: { quantized?: boolean },
  ): Promise<FeatureExtractor>;
}

export interface TransformersOptions {
  /** Hugging Face model name, e.g. "Xenova/all-MiniLM-L6-v2". */
  model: string;
  /** Directory holding `<model>/` with MODEL_FILES; downloads (when allowed) are kept there too. */
  modelDir?: string;
  /** Whether the first use may download the weights (needs network). */
  allowDownload?: boolean;
}

/** Thrown when a configured embedding model cannot be loaded; the message says what to do. */
export class EmbedderUnavailableError extends Error {
  override readonly name = "EmbedderUnavailableError";
}

export type ModuleImporter = (specifier: string) => Promise<unknown>;

const importByName: ModuleImporter = (specifier) => import(specifier);

const USE_BUILT_IN = "or unset EMBEDDINGS_MODEL to use the built-in model.";

/** A sentence-transformers model (mean pooling, unit length) through transformers.js. */
export async function loadTransformersEmbedder(
  options: TransformersOptions,
  importModule: ModuleImporter = importByName,
): Promise<Embedder> {
  const transformers = await importTransformers(options.model, importModule);
  if (!options.modelDir && !options.allowDownload) {
    throw new EmbedderUnavailableError(
      `EMBEDDINGS_MODEL=${options.model} needs its weights: set EMBEDDINGS_MODEL_DIR to a directory containing ` +
        `${options.model}/ (${MODEL_FILES.join(", ")}), ` +
        `or set EMBEDDINGS_ALLOW_DOWNLOAD=true where the network permits, ${USE_BUILT_IN}`,
    );
  }
  if (options.modelDir && !options.allowDownload) checkModelFiles(options.model, options.modelDir);
  configure(transformers, options);
  let extract: FeatureExtractor;
  try {
    extract = await transformers.pipeline("feature-extraction", options.model, { quantized: true });
  } catch (error) {
    const where = options.modelDir
      ? `from ${join(options.modelDir, options.model)}`
      : "from the Hugging Face hub";
    throw new EmbedderUnavailableError(
      `Could not load the embedding model ${options.model} ${where}: ${messageOf(error)}. ` +
        `Check that EMBEDDINGS_MODEL_DIR holds the model's original files (${MODEL_FILES.join(", ")}), ${USE_BUILT_IN}`,
    );
  }
  const [probe] = await embedWith(extract, ["dimension probe"]);
  const dim = probe?.length ?? 0;
  return {
    id: `${options.model}-${dim}`,
    dim,
    embed: (texts) => embedWith(extract, texts),
  };
}

/**
 * Names every missing file at once; transformers.js would stop at the first one, after logging
 * a warning per attempt.
 */
function checkModelFiles(model: string, modelDir: string): void {
  const dir = join(modelDir, model);
  const missing = MODEL_FILES.filter((file) => !existsSync(join(dir, file)));
  if (missing.length === 0) return;
  const what = existsSync(dir) ? `${dir} is missing ${missing.join(", ")}` : `there is no directory ${dir}`;
  throw new EmbedderUnavailableError(
    `EMBEDDINGS_MODEL=${model} cannot load: ${what} (downloads are off). ` +
      `Copy ${model}'s files (${MODEL_FILES.join(", ")}), downloaded where there is network, into ${dir}/, ` +
      `or set EMBEDDINGS_ALLOW_DOWNLOAD=true to fetch them there once, ${USE_BUILT_IN}`,
  );
}

/** The package's own download cache, before this loader points it anywhere else. */
const packageCacheDirs = new WeakMap<TransformersModule["env"], string>();

/** transformers.js settings are module-wide, so every load sets all of them. */
function configure(transformers: TransformersModule, options: TransformersOptions): void {
  const env = transformers.env;
  const packageCacheDir = packageCacheDirs.get(env) ?? env.cacheDir;
  packageCacheDirs.set(env, packageCacheDir);
  env.allowLocalModels = Boolean(options.modelDir);
  env.allowRemoteModels = Boolean(options.allowDownload);
  if (options.modelDir) env.localModelPath = options.modelDir;
  // A download then lands in the model directory with the same layout, so the next start is offline.
  env.cacheDir = options.modelDir ?? packageCacheDir;
}

async function embedWith(extract: FeatureExtractor, texts: readonly string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const output = await extract([...texts], { pooling: "mean", normalize: true });
  const dim = output.dims[output.dims.length - 1] ?? 0;
  return texts.map((_, i) => normalise(output.data.subarray(i * dim, (i + 1) * dim)));
}

async function importTransformers(model: string, importModule: ModuleImporter): Promise<TransformersModule> {
  try {
    return (await importModule(TRANSFORMERS_PACKAGE)) as TransformersModule;
  } catch (error) {
    throw new EmbedderUnavailableError(
      `EMBEDDINGS_MODEL=${model} needs the package ${TRANSFORMERS_PACKAGE}, which could not be loaded: ` +
        `${messageOf(error)}. It is one of this project's dependencies: run \`npm ci\` ` +
        `(without --omit=optional, which would leave out its onnxruntime-node), ${USE_BUILT_IN}`,
    );
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}
