import type { Embedder } from "./types.ts";
import { normalise } from "./types.ts";

/**
 * A deterministic bag-of-words embedder: each word stem (and each pair of neighbouring
 * stems) is hashed to a dimension. No semantics beyond shared words, but instant and
 * dependency-free — for tests, benchmarks of the index itself, and machines that must not
 * load TensorFlow.
 */
export function hashingEmbedder(dim = 256): Embedder {
  return {
    id: `hashing-${dim}`,
    dim,
    async embed(texts) {
      return texts.map((text) => embedOne(text, dim));
    },
  };
}

function embedOne(text: string, dim: number): Float32Array {
  const values = new Float32Array(dim);
  const add = (feature: string, weight: number) => {
    const i = fnv1a(feature) % dim;
    values[i] = (values[i] ?? 0) + weight;
  };
  const stems = (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
  stems.forEach((word, i) => {
    add(word, 1);
    const next = stems[i + 1];
    if (next) add(`${word} ${next}`, 0.5);
  });
  return normalise(values);
}

/** Crude suffix stripping so "delayed"/"delays"/"delay" share a dimension. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s|ly)$/, "") : word;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
