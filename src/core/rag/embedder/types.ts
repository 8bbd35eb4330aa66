/** Turns texts into unit-length vectors; one instance per model, shared by index and queries. */
export interface Embedder {
  /** Stable model identifier recorded in the index, e.g. "use-lite-512". */
  readonly id: string;
  readonly dim: number;
  /** Batched; returns one unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Scales a vector to unit length so cosine similarity is a dot product. */
export function normalise(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values);
  let sum = 0;
  for (const v of out) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / norm;
  return out;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}
