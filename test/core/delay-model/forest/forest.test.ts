import { describe, expect, it } from "vitest";
import { computeBinEdges } from "../../../../src/core/delay-model/forest/binning.ts";
import {
  type Forest,
  predictMatrix,
  predictProbability,
  trainForest,
} from "../../../../src/core/delay-model/forest/forest.ts";
import { type FeatureMatrix, matrixFromRows } from "../../../../src/core/delay-model/forest/matrix.ts";
import { createRandom } from "../../../../src/core/delay-model/forest/random.ts";
import { deserialiseForest, serialiseForest } from "../../../../src/core/delay-model/forest/serialise.ts";
import type { Tree } from "../../../../src/core/delay-model/forest/tree.ts";
import { rocAuc } from "../../../../src/core/delay-model/metrics.ts";

/** Points in the unit square, late when x + y > 1, plus a noise feature. */
function separable(n: number, seed: number): { matrix: FeatureMatrix; labels: number[] } {
  const random = createRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = random();
    const y = random();
    rows.push([x, y, random()]);
    labels.push(x + y > 1 ? 1 : 0);
  }
  return { matrix: matrixFromRows(rows), labels };
}

function depthOf(tree: Tree, node = 0): number {
  if ((tree.feature[node] as number) < 0) return 0;
  return 1 + Math.max(depthOf(tree, node + 1), depthOf(tree, tree.right[node] as number));
}

function leafIndex(forest: Forest, tree: Tree, row: number[]): number {
  let node = 0;
  while ((tree.feature[node] as number) >= 0) {
    const f = tree.feature[node] as number;
    const threshold = forest.edges[f]?.[tree.bin[node] as number] as number;
    node = (row[f] as number) <= threshold ? node + 1 : (tree.right[node] as number);
  }
  return node;
}

describe("binning", () => {
  it("uses the distinct values as edges when there are few, dropping the maximum", () => {
    const edges = computeBinEdges(matrixFromRows([[3], [1], [2], [2], [3]]));
    expect(Array.from(edges[0] as Float64Array)).toEqual([1, 2]);
  });

  it("caps the number of bins with quantile edges", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i]);
    const edges = computeBinEdges(matrixFromRows(rows), 10)[0] as Float64Array;
    expect(edges.length).toBe(9);
    expect(Array.from(edges)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it("refuses NaN instead of silently binning it", () => {
    expect(() => computeBinEdges(matrixFromRows([[1], [Number.NaN]]))).toThrow(/NaN/);
  });
});

describe("histogram random forest", () => {
  it("splits a known tiny dataset at the boundary between the classes", () => {
    const matrix = matrixFromRows([1, 2, 3, 4, 5, 6, 7, 8].map((x) => [x]));
    const forest = trainForest(matrix, [0, 0, 0, 0, 1, 1, 1, 1], {
      nTrees: 1,
      bootstrap: false,
      maxDepth: 3,
      minSamplesLeaf: 1,
    });
    const tree = forest.trees[0] as Tree;
    expect(tree.feature[0]).toBe(0);
    expect(forest.edges[0]?.[tree.bin[0] as number]).toBe(4);
    // Both children are pure, so the tree stops there: root + two leaves.
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    expect(Array.from(tree.value)).toEqual([0, 0, 1]);
  });

  it("chooses the informative feature over a noisy one when it may see both", () => {
    const matrix = matrixFromRows([
      [5, 0],
      [1, 0],
      [4, 0],
      [2, 1],
      [3, 1],
      [6, 1],
    ]);
    const forest = trainForest(matrix, [0, 0, 0, 1, 1, 1], {
      nTrees: 1,
      bootstrap: false,
      maxFeatures: "all",
      minSamplesLeaf: 1,
    });
    expect(forest.trees[0]?.feature[0]).toBe(1);
  });

  it("separates separable data and ranks unseen points almost perfectly", () => {
    const train = separable(2000, 1);
    const test = separable(500, 2);
    const forest = trainForest(train.matrix, train.labels, { nTrees: 30, minSamplesLeaf: 2, maxDepth: 12 });
    const probabilities = predictMatrix(forest, test.matrix);
    expect(rocAuc(probabilities, test.labels)).toBeGreaterThan(0.98);
    for (const p of probabilities) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it("respects maxDepth and minSamplesLeaf", () => {
    const { matrix, labels } = separable(600, 3);
    const forest = trainForest(matrix, labels, {
      nTrees: 3,
      bootstrap: false,
      maxDepth: 4,
      minSamplesLeaf: 25,
    });
    const rows = Array.from({ length: matrix.nRows }, (_, i) =>
      Array.from(matrix.values.subarray(i * 3, i * 3 + 3)),
    );
    for (const tree of forest.trees) {
      expect(depthOf(tree)).toBeLessThanOrEqual(4);
      const perLeaf = new Map<number, number>();
      for (const row of rows) {
        const leaf = leafIndex(forest, tree, row);
        perLeaf.set(leaf, (perLeaf.get(leaf) ?? 0) + 1);
      }
      expect(Math.min(...perLeaf.values())).toBeGreaterThanOrEqual(25);
    }
  });

  it("gives identical forests for the same seed and different ones for another seed", () => {
    const { matrix, labels } = separable(400, 4);
    const a = JSON.stringify(serialiseForest(trainForest(matrix, labels, { nTrees: 5, seed: 7 })));
    const b = JSON.stringify(serialiseForest(trainForest(matrix, labels, { nTrees: 5, seed: 7 })));
    const c = JSON.stringify(serialiseForest(trainForest(matrix, labels, { nTrees: 5, seed: 8 })));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("with balanced class weights still isolates a rare class and reports frequencies", () => {
    // 5 % late rows sit at x > 0.95. Leaves hold observed late shares, not weighted ones.
    const { matrix, labels } = separable(1000, 5);
    const rare = labels.map((_, i) => ((matrix.values[i * 3] as number) > 0.95 ? 1 : 0));
    const balanced = trainForest(matrix, rare, {
      nTrees: 1,
      bootstrap: false,
      classWeight: "balanced",
      maxFeatures: "all",
    });
    expect(balanced.trees[0]?.feature[0]).toBe(0);
    const corner = predictProbability(balanced, [0.99, 0.5, 0.5]);
    const elsewhere = predictProbability(balanced, [0.2, 0.5, 0.5]);
    expect(corner).toBeGreaterThan(0.5);
    expect(elsewhere).toBeLessThan(0.05);
  });

  it("rejects rows of the wrong width and bad labels with a clear message", () => {
    const { matrix, labels } = separable(100, 6);
    const forest = trainForest(matrix, labels, { nTrees: 2 });
    expect(() => predictProbability(forest, [0.5, 0.5])).toThrow(/expects 3/);
    expect(() =>
      trainForest(
        matrix,
        labels.map(() => 2),
      ),
    ).toThrow(/expected 0 or 1/);
  });
});

describe("forest serialisation", () => {
  it("round-trips through JSON text with identical predictions", () => {
    const { matrix, labels } = separable(800, 9);
    const forest = trainForest(matrix, labels, { nTrees: 10, classWeight: "balanced" });
    const text = JSON.stringify(serialiseForest(forest));
    const restored = deserialiseForest(JSON.parse(text));
    const test = separable(200, 10).matrix;
    expect(Array.from(predictMatrix(restored, test))).toEqual(Array.from(predictMatrix(forest, test)));
    expect(restored.options).toEqual(forest.options);
  });

  it("refuses a tree whose links point outside it", () => {
    const { matrix, labels } = separable(200, 11);
    const data = serialiseForest(trainForest(matrix, labels, { nTrees: 1 }));
    const broken = structuredClone(data);
    (broken.trees[0] as { right: number[] }).right[0] = 10_000;
    expect(() => deserialiseForest(broken)).toThrow(/points outside/);
    expect(() => deserialiseForest({ nFeatures: 3 })).toThrow(/malformed/);
  });
});

/** Integer features (so bin edges are the distinct values) and noisy labels: late more often as x + y grows. */
function noisyGrid(n: number, seed: number): { rows: number[][]; labels: number[] } {
  const random = createRandom(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = Math.floor(random() * 12);
    const y = Math.floor(random() * 12);
    rows.push([x, y, Math.floor(random() * 5)]);
    labels.push(random() < (x + y) / 24 ? 1 : 0);
  }
  return { rows, labels };
}

const GRID = Array.from({ length: 144 }, (_, k) => [k % 12, Math.floor(k / 12), k % 5]);

describe("sample weights", () => {
  it("leaves rows weighing 0 out entirely: the forest equals one trained without them", () => {
    const { rows, labels } = noisyGrid(800, 21);
    // The zero-weight rows carry flipped labels and extreme values: any influence would show.
    const extra = Array.from({ length: 200 }, (_, i) => [100 + i, -50, 7]);
    const matrix = matrixFromRows([...rows, ...extra]);
    const all = [...labels, ...extra.map(() => 1)];
    const weights = [...rows.map(() => 1), ...extra.map(() => 0)];
    const options = { nTrees: 8, minSamplesLeaf: 5, classWeight: "balanced" as const };
    const weighted = trainForest(matrix, all, options, { sampleWeights: weights });
    const without = trainForest(matrixFromRows(rows), labels, options);
    expect(JSON.stringify(serialiseForest(weighted))).toBe(JSON.stringify(serialiseForest(without)));
  });

  it("counts a row weighing 2 exactly like the row twice, without bootstrap", () => {
    const { rows, labels } = noisyGrid(600, 22);
    const doubled = rows.map((_, i) => i % 3 === 0);
    const copies = rows.filter((_, i) => doubled[i]);
    const copyLabels = labels.filter((_, i) => doubled[i]);
    const options = {
      nTrees: 1,
      bootstrap: false,
      maxFeatures: "all" as const,
      minSamplesLeaf: 1,
      maxDepth: 8,
    };
    const duplicated = trainForest(matrixFromRows([...rows, ...copies]), [...labels, ...copyLabels], options);
    const weighted = trainForest(matrixFromRows(rows), labels, options, {
      sampleWeights: doubled.map((d) => (d ? 2 : 1)),
    });
    const unweighted = trainForest(matrixFromRows(rows), labels, options);
    const grid = matrixFromRows(GRID);
    expect(Array.from(predictMatrix(weighted, grid))).toEqual(Array.from(predictMatrix(duplicated, grid)));
    expect(Array.from(predictMatrix(weighted, grid))).not.toEqual(
      Array.from(predictMatrix(unweighted, grid)),
    );
  });

  it("with bootstrap and balanced classes, doubling a weight comes as close to duplicating the rows as another seed", () => {
    const { rows, labels } = noisyGrid(3000, 23);
    // Late rows with x < 6 count twice: their region's late share rises, which a forest must show.
    const doubled = rows.map((r, i) => (r[0] as number) < 6 && labels[i] === 1);
    const copies = rows.filter((_, i) => doubled[i]);
    const copyLabels = labels.filter((_, i) => doubled[i]);
    const options = { nTrees: 100, minSamplesLeaf: 10, maxDepth: 8, classWeight: "balanced" as const };
    const duplicatedMatrix = matrixFromRows([...rows, ...copies]);
    const duplicatedLabels = [...labels, ...copyLabels];
    const duplicated = trainForest(duplicatedMatrix, duplicatedLabels, options);
    const otherSeed = trainForest(duplicatedMatrix, duplicatedLabels, { ...options, seed: 7 });
    const weighted = trainForest(matrixFromRows(rows), labels, options, {
      sampleWeights: doubled.map((d) => (d ? 2 : 1)),
    });
    const unweighted = trainForest(matrixFromRows(rows), labels, options);
    const grid = matrixFromRows(GRID);
    const gap = (a: Forest, b: Forest) => {
      const pa = predictMatrix(a, grid);
      const pb = predictMatrix(b, grid);
      return pa.reduce((sum, p, i) => sum + Math.abs(p - (pb[i] as number)), 0) / pa.length;
    };
    const seedNoise = gap(duplicated, otherSeed);
    expect(gap(weighted, duplicated)).toBeLessThan(1.5 * seedNoise);
    expect(gap(unweighted, duplicated)).toBeGreaterThan(3 * gap(weighted, duplicated));
  });

  it("makes the leaf late shares weighted shares", () => {
    // One feature value, so the tree is a single leaf: 3 on-time rows and 1 late row weighing 3.
    const forest = trainForest(
      matrixFromRows([[1], [1], [1], [1]]),
      [0, 0, 0, 1],
      { nTrees: 1, bootstrap: false },
      {
        sampleWeights: [1, 1, 1, 3],
      },
    );
    expect(predictProbability(forest, [1])).toBe(0.5);
  });

  it("refuses weights of the wrong length, negative or non-finite, or all zero", () => {
    const matrix = matrixFromRows([[1], [2], [3]]);
    const labels = [0, 1, 0];
    expect(() => trainForest(matrix, labels, {}, { sampleWeights: [1, 1] })).toThrow(
      /2 sample weights for 3 rows/,
    );
    expect(() => trainForest(matrix, labels, {}, { sampleWeights: [1, -1, 1] })).toThrow(
      /Sample weight 1 is -1/,
    );
    expect(() => trainForest(matrix, labels, {}, { sampleWeights: [1, Number.NaN, 1] })).toThrow(/NaN/);
    expect(() => trainForest(matrix, labels, {}, { sampleWeights: [0, 0, 0] })).toThrow(
      /Every sample weight is 0/,
    );
  });
});
