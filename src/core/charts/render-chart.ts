import { createCanvas } from "@napi-rs/canvas";
import {
  type ChartConfiguration,
  type ChartDataset,
  type ChartItem,
  Chart as ChartJs,
  type Plugin,
  registerables,
} from "chart.js";
import type { ChartSeries, ChartSpec, Unit } from "../commands/answer.ts";
import { formatAxisTick, formatCategoryLabels } from "./axis-format.ts";
import { CHART_FONT_FAMILY, ensureChartFont } from "./fonts.ts";

export interface RenderOptions {
  /** Logical size in CSS pixels; the PNG is `scale` times larger for sharp text in Slack. */
  width?: number;
  height?: number;
  scale?: number;
}

export const DEFAULT_CHART_SIZE = { width: 900, height: 450, scale: 2 } as const;

ChartJs.register(...registerables);

/** Blinkit's green for the headline series, amber for spend, then neutral tones. */
const PALETTE = ["#0C831F", "#F4B400", "#3B82F6", "#9333EA", "#EF4444"];

/** Slack shows PNGs on dark and light themes alike: paint an opaque background. */
const whiteBackground: Plugin = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#FFFFFF";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Renders a chart spec to PNG. The only function that knows the drawing backend
 * (Chart.js on @napi-rs/canvas), so swapping it touches this file alone.
 */
export async function renderChart(spec: ChartSpec, options: RenderOptions = {}): Promise<Buffer> {
  validateSpec(spec);
  ensureChartFont();
  const { width, height, scale } = { ...DEFAULT_CHART_SIZE, ...options };
  const canvas = createCanvas(width * scale, height * scale);
  // Chart.js sizes the chart from the canvas and multiplies by devicePixelRatio, so hand it the
  // logical size and let it scale the drawing.
  canvas.width = width;
  canvas.height = height;
  const chart = new ChartJs(canvas as unknown as ChartItem, chartConfig(spec, scale));
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
}

function validateSpec(spec: ChartSpec): void {
  if (spec.series.length === 0) throw new Error(`chart "${spec.title}" has no series to draw`);
  for (const series of spec.series) {
    if (series.values.length !== spec.labels.length) {
      throw new Error(
        `chart series "${series.label}" has ${series.values.length} values for ${spec.labels.length} labels`,
      );
    }
  }
}

type Config = ChartConfiguration<"bar" | "line", Array<number | null>>;
type Scales = NonNullable<NonNullable<Config["options"]>["scales"]>;

function chartConfig(spec: ChartSpec, scale: number): Config {
  const font = { family: CHART_FONT_FAMILY, size: 12 };
  return {
    type: "bar",
    data: {
      labels: formatCategoryLabels(spec.labels),
      datasets: spec.series.map((series, index) =>
        dataset(series, PALETTE[index % PALETTE.length] ?? "#666"),
      ),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: scale,
      layout: { padding: 12 },
      font,
      plugins: {
        title: { display: true, text: spec.title, font: { ...font, size: 16 }, color: "#1F2937" },
        legend: { position: "top", labels: { font, color: "#374151", usePointStyle: true, boxHeight: 8 } },
        tooltip: { enabled: false },
      },
      scales: {
        x: {
          ticks: { font, color: "#4B5563", autoSkip: true, maxTicksLimit: 12, maxRotation: 0 },
          grid: { display: false },
        },
        ...axisScale("left", spec.series),
        ...axisScale("right", spec.series),
      },
    },
    plugins: [whiteBackground],
  };
}

function dataset(series: ChartSeries, colour: string): ChartDataset<"bar" | "line", Array<number | null>> {
  const common = { label: series.label, data: series.values, yAxisID: series.axis };
  if (series.kind === "line") {
    return {
      ...common,
      type: "line",
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2.5,
      pointRadius: series.values.length > 60 ? 0 : 2.5,
      tension: 0.3,
      // Monotone curves never overshoot: a smoothed peak must not suggest revenue that did not happen.
      cubicInterpolationMode: "monotone",
      // Lines are drawn over bars (lower order is drawn last).
      order: 0,
    };
  }
  return {
    ...common,
    type: "bar",
    backgroundColor: `${colour}99`,
    borderColor: colour,
    borderWidth: 1,
    order: 1,
  };
}

/** One y axis per side that has series, ticked in the unit of its first series. */
function axisScale(side: "left" | "right", series: readonly ChartSeries[]): Scales {
  const onSide = series.filter((s) => s.axis === side);
  const first = onSide[0];
  if (!first) return {};
  const unit: Unit = first.unit;
  return {
    [side]: {
      type: "linear",
      position: side,
      beginAtZero: true,
      title: {
        display: true,
        text: onSide.map((s) => s.label).join(" / "),
        font: { family: CHART_FONT_FAMILY, size: 12 },
        color: "#4B5563",
      },
      ticks: {
        font: { family: CHART_FONT_FAMILY, size: 11 },
        color: "#4B5563",
        callback: (value) => formatAxisTick(Number(value), unit),
      },
      // Gridlines from the left axis only: two sets of lines would not line up.
      grid: { display: side === "left", color: "#E5E7EB" },
    },
  };
}
