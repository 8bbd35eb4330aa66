import { describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import { loadEmbedder } from "../../../src/core/rag/embedder/load.ts";
import {
  EmbedderUnavailableError,
  type TransformersModule,
} from "../../../src/core/rag/embedder/transformers.ts";
import { dot } from "../../../src/core/rag/embedder/types.ts";

describe("hashing embedder", () => {
  it("is deterministic, unit length, and closer for texts sharing words", async () => {
    const embedder = hashingEmbedder(128);
    const [a, b, c, again] = await embedder.embed([
      "delivery was late",
      "late delivery again",
      "fresh vegetables",
      "delivery was late",
    ]);
    if (!a || !b || !c || !again) throw new Error("missing vectors");
    expect(a).toHaveLength(128);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(Array.from(again)).toEqual(Array.from(a));
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });
});

describe("choosing an embedding model", () => {
  it("selects the hashing embedder by name with its dimension", async () => {
    const { embedder } = await loadEmbedder({ model: "hashing-64" });
    expect(embedder.id).toBe("hashing-64");
    expect(embedder.dim).toBe(64);
  });

  it("names the missing package when transformers.js is not installed", async () => {
    const missing = async () => {
      throw new Error("Cannot find package '@xenova/transformers'");
    };
    const attempt = loadEmbedder({ model: "Xenova/all-MiniLM-L6-v2", modelDir: "/models" }, missing);
    await expect(attempt).rejects.toBeInstanceOf(EmbedderUnavailableError);
    await expect(attempt).rejects.toThrow(/npm install @xenova\/transformers/);
  });

  it("asks for a model directory when downloads are not allowed", async () => {
    const attempt = loadEmbedder({ model: "Xenova/all-MiniLM-L6-v2" }, async () => fakeTransformers(384));
    await expect(attempt).rejects.toThrow(/EMBEDDINGS_MODEL_DIR/);
  });

  it("explains where it looked when the weights are not there", async () => {
    const module = fakeTransformers(384);
    module.pipeline = async () => {
      throw new Error("local file not found");
    };
    const attempt = loadEmbedder(
      { model: "Xenova/all-MiniLM-L6-v2", modelDir: "/models" },
      async () => module,
    );
    await expect(attempt).rejects.toThrow(/\/models\/Xenova\/all-MiniLM-L6-v2: local file not found/);
  });

  it("loads a transformers.js pipeline from a local directory, offline, one vector per text", async () => {
    const module = fakeTransformers(3);
    const { embedder } = await loadEmbedder(
      { model: "Xenova/all-MiniLM-L6-v2", modelDir: "/models" },
      async () => module,
    );
    expect(module.env).toEqual({
      localModelPath: "/models",
      allowLocalModels: true,
      allowRemoteModels: false,
    });
    expect(embedder.id).toBe("Xenova/all-MiniLM-L6-v2-3");
    expect(embedder.dim).toBe(3);
    const vectors = await embedder.embed(["a", "bb"]);
    expect(vectors.map((v) => Array.from(v).map((x) => Number(x.toFixed(3))))).toEqual([
      [0.267, 0.535, 0.802],
      [0.456, 0.57, 0.684],
    ]);
  });
});

/** A stand-in for transformers.js whose "model" maps text i to the vector (i*3+1, i*3+2, i*3+3). */
function fakeTransformers(dim: number): TransformersModule {
  return {
    env: { localModelPath: "", allowRemoteModels: true, allowLocalModels: false },
    async pipeline() {
      return async (texts: string[]) => ({
        data: Float32Array.from({ length: texts.length * dim }, (_, i) => i + 1),
        dims: [texts.length, dim],
      });
    },
  };
}
