import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderChart } from "../core/charts/render-chart.ts";
import type { ChartSpec } from "../core/commands/answer.ts";

/**
 * A terminal can't show the chart, so it is written as a PNG the user can open. Returns the
 * path, or undefined when rendering failed (the text answer still stands on its own).
 */
export async function writeChartFile(
  spec: ChartSpec,
  dir: string,
  name: string,
): Promise<string | undefined> {
  try {
    const png = await renderChart(spec);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.png`);
    await writeFile(path, png);
    return path;
  } catch {
    return undefined;
  }
}
