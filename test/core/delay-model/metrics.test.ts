import { describe, expect, it } from "vitest";
import {
  brierScore,
  calibrationByDecile,
  lateRate,
  metricsAtThreshold,
  rocAuc,
} from "../../../src/core/delay-model/metrics.ts";

describe("rocAuc", () => {
  it("matches a hand-computed example with a tie", () => {
    // Late (1) scores 0.35, 0.8, 0.4; on-time (0) scores 0.1, 0.4. Of the 6 late/on-time pairs,
    // the late order ranks higher in 4, lower in 1 (0.35 < 0.4) and ties in 1 (0.4 = 0.4): 4.5 / 6.
    expect(rocAuc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 when all scores tie", () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1])).toBe(0.5);
  });

  it("is undefined when only one class is present", () => {
    expect(rocAuc([0.2, 0.4], [1, 1])).toBeNull();
  });

  it("agrees with counting pairs on random data", () => {
    const scores = Array.from({ length: 60 }, (_, i) => Math.round(Math.abs(Math.sin(i * 7.3)) * 10) / 10);
    const labels = scores.map((_, i) => (Math.cos(i * 3.1) > 0 ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    scores.forEach((p, i) => {
      scores.forEach((q, j) => {
        if (labels[i] === 1 && labels[j] === 0) {
          pairs++;
          wins += p > q ? 1 : p === q ? 0.5 : 0;
        }
      });
    });
    expect(rocAuc(scores, labels)).toBeCloseTo(wins / pairs, 12);
  });
});

describe("threshold metrics, calibration and rates", () => {
  it("computes precision and recall at a threshold", () => {
    const result = metricsAtThreshold([0.9, 0.7, 0.6, 0.2, 0.1], [1, 0, 1, 1, 0], 0.6);
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.flaggedRate).toBeCloseTo(3 / 5);
    expect(metricsAtThreshold([0.1], [1], 0.5).precision).toBeNull();
  });

  it("cuts ten equal groups ordered by predicted risk", () => {
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    const labels = scores.map((p) => (p >= 0.9 ? 1 : 0));
    const bins = calibrationByDecile(scores, labels);
    expect(bins).toHaveLength(10);
    expect(bins.every((b) => b.count === 10)).toBe(true);
    expect(bins[0]?.meanPredicted).toBeCloseTo(0.045);
    expect(bins[9]?.observedLateRate).toBe(1);
    expect(bins[8]?.observedLateRate).toBe(0);
  });

  it("computes the Brier score and the late rate", () => {
    expect(brierScore([1, 0, 0.5], [1, 1, 0])).toBeCloseTo((0 + 1 + 0.25) / 3);
    expect(lateRate([1, 0, 0, 1])).toBe(0.5);
    expect(lateRate([])).toBeNull();
  });
});
