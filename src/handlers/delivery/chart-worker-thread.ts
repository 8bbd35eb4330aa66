import { parentPort } from "node:worker_threads";
import { renderChart } from "../../core/charts/render-chart.ts";
import type { ChartRequest, ChartResponse } from "./chart-worker.ts";

/** The worker side of chart-worker.ts: renders one chart per message, in order. */
parentPort?.on("message", async ({ id, spec }: ChartRequest) => {
  let response: ChartResponse;
  try {
    const png = await renderChart(spec);
    response = { id, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
