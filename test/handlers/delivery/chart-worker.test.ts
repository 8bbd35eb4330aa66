import { afterAll, describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../src/core/commands/answer.ts";
import { workerChartRenderer } from "../../../src/handlers/delivery/chart-worker.ts";

const SPEC: ChartSpec = {
  title: "Revenue",
  labels: ["2024-07-01", "2024-07-02", "2024-07-03"],
  series: [{ label: "Revenue", kind: "line", axis: "left", unit: "inr", values: [100, 250, 175] }],
};

describe("charts rendered on a worker thread", () => {
  const charts = workerChartRenderer();
  afterAll(() => charts.close());

  it("returns the same kind of PNG as renderChart, several at once", async () => {
    const pngs = await Promise.all([charts.render(SPEC), charts.render({ ...SPEC, title: "Again" })]);
    for (const png of pngs) {
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1800, 900]);
    }
  });

  it("rejects a chart the renderer refuses, with its reason, and keeps working", async () => {
    await expect(charts.render({ ...SPEC, labels: [] })).rejects.toThrow(/./);
    expect((await charts.render(SPEC)).subarray(1, 4).toString("ascii")).toBe("PNG");
  });

  it("starts a new worker after close", async () => {
    await charts.close();
    expect((await charts.render(SPEC)).length).toBeGreaterThan(1000);
  });
});
