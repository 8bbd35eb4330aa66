import { describe, expect, it } from "vitest";
import {
  formatChange,
  formatCount,
  formatInr,
  formatInrCompact,
  groupIndian,
  relativeChange,
} from "../../../src/core/format/numbers.ts";

describe("Indian number formatting", () => {
  it("groups lakhs and crores", () => {
    expect(groupIndian("123")).toBe("123");
    expect(groupIndian("1234")).toBe("1,234");
    expect(groupIndian("123456")).toBe("1,23,456");
    expect(groupIndian("12345678")).toBe("1,23,45,678");
  });

  it("formats rupees, rounding to whole rupees by default", () => {
    expect(formatInr(123456)).toBe("₹1,23,456");
    expect(formatInr(1234567.89)).toBe("₹12,34,568");
    expect(formatInr(99.5, 2)).toBe("₹99.50");
    expect(formatInr(-4500)).toBe("-₹4,500");
    expect(formatInr(0)).toBe("₹0");
  });

  it("compacts amounts for chart axes", () => {
    expect(formatInrCompact(2_50_00_000)).toBe("₹2.5Cr");
    expect(formatInrCompact(1_20_000)).toBe("₹1.2L");
    expect(formatInrCompact(4_500)).toBe("₹4.5K");
    expect(formatInrCompact(999)).toBe("₹999");
  });

  it("counts with grouping", () => {
    expect(formatCount(1234567)).toBe("12,34,567");
    expect(formatCount(-1500)).toBe("-1,500");
  });

  it("computes and prints changes, undefined against zero", () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(80, 100)).toBeCloseTo(-0.2);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
    expect(formatChange(0.123)).toBe("▲ 12.3%");
    expect(formatChange(-0.04)).toBe("▼ 4.0%");
    expect(formatChange(0)).toBe("— 0.0%");
    expect(formatChange(null)).toBe("n/a");
  });
});
