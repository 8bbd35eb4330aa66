import { z } from "zod";
import { type Forest, resolveMaxFeatures } from "./forest.ts";

/** Plain-JSON form of a forest: readable, portable, and exact (doubles round-trip through JSON). */
const serialisedTree = z.object({
  feature: z.array(z.number().int()),
  bin: z.array(z.number().int().min(0).max(255)),
  right: z.array(z.number().int()),
  value: z.array(z.number().min(0).max(1)),
});

const serialisedForest = z.object({
  nFeatures: z.number().int().positive(),
  options: z.object({
    nTrees: z.number().int().positive(),
    maxDepth: z.number().int().positive(),
    minSamplesLeaf: z.number().int().positive(),
    maxFeatures: z.union([z.literal("sqrt"), z.literal("all"), z.number()]),
    bootstrap: z.boolean(),
    classWeight: z.enum(["balanced", "none"]),
    maxBins: z.number().int(),
    seed: z.number().int(),
  }),
  edges: z.array(z.array(z.number())),
  trees: z.array(serialisedTree).min(1),
});

export type SerialisedForest = z.infer<typeof serialisedForest>;

export function serialiseForest(forest: Forest): SerialisedForest {
  return {
    nFeatures: forest.nFeatures,
    options: forest.options,
    edges: forest.edges.map((e) => Array.from(e)),
    trees: forest.trees.map((tree) => ({
      feature: Array.from(tree.feature),
      bin: Array.from(tree.bin),
      right: Array.from(tree.right),
      value: Array.from(tree.value),
    })),
  };
}

/** Rebuilds a forest from JSON, checking its shape so a corrupt file fails here, not mid-prediction. */
export function deserialiseForest(json: unknown): Forest {
  const parsed = serialisedForest.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The forest data is malformed: ${parsed.error.issues[0]?.message ?? "unknown problem"}.`);
  }
  const data = parsed.data;
  if (data.edges.length !== data.nFeatures)
    throw new Error("The forest data has edges for the wrong feature count.");
  resolveMaxFeatures(data.options.maxFeatures, data.nFeatures);
  const trees = data.trees.map((tree, t) => {
    checkTree(tree, t, data.nFeatures, data.edges);
    return {
      feature: Int32Array.from(tree.feature),
      bin: Uint8Array.from(tree.bin),
      right: Int32Array.from(tree.right),
      value: Float64Array.from(tree.value),
    };
  });
  return {
    nFeatures: data.nFeatures,
    options: data.options,
    edges: data.edges.map((e) => Float64Array.from(e)),
    trees,
  };
}

function checkTree(
  tree: z.infer<typeof serialisedTree>,
  t: number,
  nFeatures: number,
  edges: number[][],
): void {
  const n = tree.feature.length;
  if (tree.bin.length !== n || tree.right.length !== n || tree.value.length !== n) {
    throw new Error(`Tree ${t} has arrays of different lengths.`);
  }
  for (let node = 0; node < n; node++) {
    const f = tree.feature[node] as number;
    if (f < 0) continue;
    const right = tree.right[node] as number;
    // Pre-order: children come after their parent, so a walk always ends at a leaf.
    if (f >= nFeatures || right <= node + 1 || right >= n || node + 1 >= n) {
      throw new Error(`Tree ${t} node ${node} points outside the tree.`);
    }
    if ((tree.bin[node] as number) >= (edges[f]?.length ?? 0))
      throw new Error(`Tree ${t} node ${node} has a bad bin.`);
  }
}
