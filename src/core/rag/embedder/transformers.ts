import { type Embedder, normalise } from "./types.ts";

/** The optional package; not a dependency, so it is imported by name at run time. */
export const TRANSFORMERS_PACKAGE = "@xenova/transformers";

/** What this loader uses of transformers.js — kept narrow so the package stays optional. */
interface FeatureOutput {
  data: Float32Array;
  dims: number[];
}
type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<FeatureOutput>;
export interface TransformersModule {
  env: { localModelPath: string; allowRemoteModels: boolean; allowLocalModels: boolean };
  pipeline(
    task: "feature-extraction",
    model: string,
    options?: { quantized?: boolean },
  ): Promise<FeatureExtractor>;
}

export interface TransformersOptions {
  /** Hugging Face model name, e.g. "Xenova/all-MiniLM-L6-v2". */
  model: string;
  /** Directory holding `<model>/config.json`, `<model>/onnx/model_quantized.onnx`, tokenizer files. */
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

/** A sentence-transformers model (mean pooling, unit length) through transformers.js. */
export async function loadTransformersEmbedder(
  options: TransformersOptions,
  importModule: ModuleImporter = importByName,
): Promise<Embedder> {
  const transformers = await importTransformers(importModule);
  if (!options.modelDir && !options.allowDownload) {
    throw new EmbedderUnavailableError(
      `EMBEDDINGS_MODEL=${options.model} needs its weights: set EMBEDDINGS_MODEL_DIR to a directory containing ` +
        `${options.model}/ (config.json, tokenizer.json, onnx/model_quantized.onnx), ` +
        "or allow a one-time download where the network permits.",
    );
  }
  if (options.modelDir) transformers.env.localModelPath = options.modelDir;
  transformers.env.allowLocalModels = Boolean(options.modelDir);
  transformers.env.allowRemoteModels = Boolean(options.allowDownload);
  let extract: FeatureExtractor;
  try {
    extract = await transformers.pipeline("feature-extraction", options.model, { quantized: true });
  } catch (error) {
    const where = options.modelDir ? `in ${options.modelDir}/${options.model}` : "from the Hugging Face hub";
    throw new EmbedderUnavailableError(
      `Could not load the embedding model ${options.model} ${where}: ${error instanceof Error ? error.message : String(error)}. ` +
        "Check EMBEDDINGS_MODEL_DIR holds the model files, or unset EMBEDDINGS_MODEL to use the built-in model.",
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

async function embedWith(extract: FeatureExtractor, texts: readonly string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const output = await extract([...texts], { pooling: "mean", normalize: true });
  const dim = output.dims[output.dims.length - 1] ?? 0;
  return texts.map((_, i) => normalise(output.data.subarray(i * dim, (i + 1) * dim)));
}

async function importTransformers(importModule: ModuleImporter): Promise<TransformersModule> {
  try {
    return (await importModule(TRANSFORMERS_PACKAGE)) as TransformersModule;
  } catch {
    throw new EmbedderUnavailableError(
      `The embedding model you chose needs the optional package ${TRANSFORMERS_PACKAGE}, which is not installed. ` +
        `Install it with \`npm install ${TRANSFORMERS_PACKAGE}\` (add "overrides": {"sharp": "^0.33.5"} to package.json ` +
        "so the install needs no download), or unset EMBEDDINGS_MODEL to use the built-in model.",
    );
  }
}
