import { createCanvas, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { formatAxisTick, formatCategoryLabels } from "../../../src/core/charts/axis-format.ts";
import { CHART_FONT_FAMILY, FONT_CANDIDATES, findFontFile } from "../../../src/core/charts/fonts.ts";
import { renderChart } from "../../../src/core/charts/render-chart.ts";
import type { ChartSpec } from "../../../src/core/commands/answer.ts";

const labels = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"];

const spec: ChartSpec = {
  title: "Revenue vs marketing spend",
  labels,
  series: [
    {
      label: "Revenue",
      kind: "line",
      axis: "left",
      unit: "inr",
      values: [400000, 420000, null, 450000, 430000],
    },
    {
      label: "Marketing spend",
      kind: "bar",
      axis: "right",
      unit: "inr",
      values: [30000, 0, 25000, 41000, 39000],
    },
  ],
};

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels within a small distance of an RGB colour. */
async function countPixels(png: Buffer, [r, g, b]: [number, number, number]): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (
      Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) <
      30
    )
      count++;
  }
  return count;
}

describe("renderChart", () => {
  it("renders a PNG at twice the logical size by default", async () => {
    expect(pngSize(await renderChart(spec))).toEqual({ width: 1800, height: 900 });
  });

  it("honours an explicit size and scale", async () => {
    expect(pngSize(await renderChart(spec, { width: 400, height: 220, scale: 1 }))).toEqual({
      width: 400,
      height: 220,
    });
  });

  it("draws the revenue line in green on an opaque white background", async () => {
    const png = await renderChart(spec, { width: 400, height: 220, scale: 1 });
    const total = 400 * 220;
    expect(await countPixels(png, [255, 255, 255])).toBeGreaterThan(total * 0.5);
    expect(await countPixels(png, [0x0c, 0x83, 0x1f])).toBeGreaterThan(200);
  });

  it("rejects a series whose length does not match the labels", async () => {
    const revenue: ChartSpec["series"][number] = {
      label: "Revenue",
      kind: "line",
      axis: "left",
      unit: "inr",
      values: [1, 2],
    };
    const broken: ChartSpec = { ...spec, series: [revenue] };
    await expect(renderChart(broken)).rejects.toThrow(/2 values for 5 labels/);
  });

  it("rejects a chart without series", async () => {
    await expect(renderChart({ ...spec, series: [] })).rejects.toThrow(/no series/);
  });
});

describe("chart font", () => {
  it("ships DejaVu Sans in the repository and prefers it", () => {
    expect(CHART_FONT_FAMILY).toBe("DejaVu Sans");
    expect(findFontFile()).toBe(FONT_CANDIDATES[0]);
    expect(findFontFile()).toMatch(/assets\/fonts\/DejaVuSans\.ttf$/);
  });

  it("reports no font when none of the candidates exists", () => {
    expect(findFontFile(["/nonexistent/a.ttf", "/nonexistent/b.ttf"])).toBeUndefined();
  });
});

describe("axis formatting", () => {
  it("writes compact rupees with Indian scale words", () => {
    expect(formatAxisTick(0, "inr")).toBe("₹0");
    expect(formatAxisTick(25000, "inr")).toBe("₹25K");
    expect(formatAxisTick(450000, "inr")).toBe("₹4.5L");
    expect(formatAxisTick(12_000_000, "inr")).toBe("₹1.2Cr");
  });

  it("formats other units compactly", () => {
    expect(formatAxisTick(2.5, "ratio")).toBe("2.5×");
    expect(formatAxisTick(12, "minutes")).toBe("12 min");
    expect(formatAxisTick(0.25, "percent")).toBe("25%");
    expect(formatAxisTick(150000, "count")).toBe("1.5L");
  });

  it("shortens ISO dates, adding the year only when labels span years", () => {
    expect(formatCategoryLabels(["2026-11-01", "2026-11-12"])).toEqual(["1 Nov", "12 Nov"]);
    expect(formatCategoryLabels(["2025-12-29", "2026-01-05"])).toEqual(["29 Dec ’25", "5 Jan ’26"]);
    expect(formatCategoryLabels(["w/c 2026-11-02", "w/c 2026-11-09"])).toEqual(["w/c 2 Nov", "w/c 9 Nov"]);
    expect(formatCategoryLabels(["W1", "W2"])).toEqual(["W1", "W2"]);
  });
});
