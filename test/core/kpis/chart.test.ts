import { describe, expect, it } from "vitest";
import { revenueSpendChart, WEEKLY_AFTER_DAYS } from "../../../src/core/kpis/chart.ts";
import type { DailyKpi } from "../../../src/core/kpis/kpis.ts";
import { addDays } from "../../../src/core/kpis/range.ts";

function days(from: string, count: number, revenue: number, spend: number): DailyKpi[] {
  return Array.from({ length: count }, (_, i) => ({
    day: addDays(from, i),
    orders: 1,
    cancelledOrders: 0,
    revenue,
    spend,
    attributedRevenue: 0,
    roas: null,
    attributedRoas: null,
    avgOrderValue: null,
    avgDelayMinutesAllOrders: null,
    avgDelayMinutesLateOrders: null,
    lateRate: null,
    timedOrders: 0,
    lateOrders: 0,
    feedbackCount: 0,
    negativeFeedbackCount: 0,
    avgRating: null,
  }));
}

describe("revenue vs spend chart spec", () => {
  it("plots revenue as a left-axis line and spend as right-axis bars, one point a day", () => {
    const spec = revenueSpendChart(days("2024-07-01", 30, 100, 10), "t");
    expect(spec.labels).toHaveLength(30);
    expect(spec.series.map((s) => [s.kind, s.axis])).toEqual([
      ["line", "left"],
      ["bar", "right"],
    ]);
  });

  it("switches to weekly totals for long ranges and scales cut-short weeks instead of showing a false drop", () => {
    // 2024-07-03 is a Wednesday: the first week has 5 days, then full weeks, then a 2-day tail.
    const series = days("2024-07-03", 5 + 7 * 13 + 2, 100, 10);
    expect(series.length).toBeGreaterThan(WEEKLY_AFTER_DAYS);
    const spec = revenueSpendChart(series, "t");
    expect(spec.title).toContain("weekly");
    expect(spec.labels).toHaveLength(15);
    expect(spec.labels[0]).toBe("≈w/c 2024-07-01");
    expect(spec.labels[1]).toBe("w/c 2024-07-08");
    expect(spec.series[0]?.values.every((v) => v === 700)).toBe(true);
    expect(spec.series[1]?.values.at(-1)).toBe(70);
  });
});
