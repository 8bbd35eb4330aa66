/**
 * Time and peak memory of the demo-data generator at 50k and 1M orders.
 * Each size runs in its own child process so its peak RSS is its own; files go to a temp
 * directory that is deleted afterwards.  Run: npx tsx bench/generate.ts [orders…]
 */
import { fork } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateDataset } from "../src/core/data/generate/index.ts";

interface ChildResult {
  orders: number;
  seconds: number;
  peakRssMb: number;
  outputMb: number;
  rows: number;
}

const CHILD_FLAG = "--child";

async function runChild(orders: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "blinkit-bench-generate-"));
  try {
    const summary = await generateDataset({ orders, seed: 42, endDate: "2026-11-20" }, dir);
    let bytes = 0;
    for (const f of await readdir(dir)) bytes += (await stat(join(dir, f))).size;
    const result: ChildResult = {
      orders,
      seconds: summary.durationMs / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      outputMb: bytes / 1024 / 1024,
      rows: Object.values(summary.rows).reduce((s, n) => s + n, 0),
    };
    process.send?.(result);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function measure(orders: number): Promise<ChildResult> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, String(orders)], {
    execArgv: process.execArgv,
  });
  let result: ChildResult | undefined;
  child.on("message", (m) => {
    result = m as ChildResult;
  });
  const [code] = await once(child, "exit");
  if (code !== 0 || !result) throw new Error(`generation of ${orders} orders failed (exit ${code})`);
  return result;
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const results: ChildResult[] = [];
  for (const orders of sizes.length > 0 ? sizes : [50_000, 1_000_000]) results.push(await measure(orders));
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`,
  );
  console.log("Defaults: 400 days, seed 42; each size in its own process\n");
  const first = results[0];
  console.table(
    results.map((r) => ({
      orders: r.orders.toLocaleString("en-IN"),
      "rows (all files)": r.rows.toLocaleString("en-IN"),
      "time (s)": r.seconds.toFixed(1),
      "orders/s": Math.round(r.orders / r.seconds).toLocaleString("en-IN"),
      "peak RSS (MB)": Math.round(r.peakRssMb),
      "output (MB)": Math.round(r.outputMb),
      "time ratio": first ? (r.seconds / first.seconds).toFixed(1) : "",
    })),
  );
}

if (process.argv[2] === CHILD_FLAG) await runChild(Number(process.argv[3]));
else await main();
