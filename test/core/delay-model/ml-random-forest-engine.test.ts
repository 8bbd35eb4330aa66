import { RandomForestClassifier } from "ml-random-forest";
import { describe, expect, it } from "vitest";
import { DEFAULT_FOREST_OPTIONS, predictMatrix } from "../../../src/core/delay-model/forest/forest.ts";
import { matrixFromRows } from "../../../src/core/delay-model/forest/matrix.ts";
import { createRandom } from "../../../src/core/delay-model/forest/random.ts";
import { deserialiseForest, serialiseForest } from "../../../src/core/delay-model/forest/serialise.ts";
import { rocAuc } from "../../../src/core/delay-model/metrics.ts";
import { trainWithMlRandomForest } from "../../../src/core/delay-model/ml-random-forest-engine.ts";

function points(n: number, seed: number) {
  const random = createRandom(seed);
  const rows = Array.from({ length: n }, () => [
    Math.floor(random() * 24),
    Math.floor(random() * 7),
    random(),
  ]);
  const labels = rows.map(([hour = 0, , noise = 0]) => (hour >= 18 || noise > 0.9 ? 1 : 0));
  return { rows, labels };
}

describe("ml-random-forest engine", () => {
  const options = {
    ...DEFAULT_FOREST_OPTIONS,
    nTrees: 4,
    maxDepth: 4,
    minSamplesLeaf: 5,
    maxFeatures: "all" as const,
  };

  it("converts its trees so they classify every row as ml-cart does", async () => {
    const { rows, labels } = points(300, 1);
    const converted = await trainWithMlRandomForest(matrixFromRows(rows), labels, { ...options, nTrees: 1 });
    const reference = new RandomForestClassifier({
      nEstimators: 1,
      maxFeatures: 3,
      replacement: false,
      useSampleBagging: true,
      noOOB: true,
      seed: options.seed,
      treeOptions: { maxDepth: 4, minNumSamples: 5 },
    });
    reference.train(rows, labels);
    const votes = reference.predictionValues(rows);
    const ours = predictMatrix(converted, matrixFromRows(rows));
    rows.forEach((_, i) => {
      const p = ours[i] as number;
      if (p !== 0.5) expect(p > 0.5 ? 1 : 0).toBe(votes.get(i, 0));
    });
  });

  it("learns, stays within [0, 1] and survives serialisation", async () => {
    const train = points(400, 2);
    const test = points(200, 3);
    const forest = await trainWithMlRandomForest(matrixFromRows(train.rows), train.labels, options);
    const probabilities = predictMatrix(forest, matrixFromRows(test.rows));
    expect(rocAuc(probabilities, test.labels)).toBeGreaterThan(0.85);
    expect(Math.min(...probabilities)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...probabilities)).toBeLessThanOrEqual(1);
    const restored = deserialiseForest(JSON.parse(JSON.stringify(serialiseForest(forest))));
    expect(Array.from(predictMatrix(restored, matrixFromRows(test.rows)))).toEqual(Array.from(probabilities));
  });
});
