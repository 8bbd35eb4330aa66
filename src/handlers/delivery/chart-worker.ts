import { Worker } from "node:worker_threads";
import type { ChartSpec } from "../../core/commands/answer.ts";

export interface ChartRequest {
  id: number;
  spec: ChartSpec;
}

export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string };

export interface ChartRenderer {
  render(spec: ChartSpec): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * renderChart on a worker thread. Rendering and PNG encoding are synchronous (~50–350 ms per
 * chart): on the main thread they hold up every request's ack behind them, so under load Slack's
 * 3-second limit is missed. On a worker the event loop stays free for acks. A worker that dies
 * fails the charts it had and is replaced on the next render.
 */
export function workerChartRenderer(): ChartRenderer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(png: Buffer): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(new URL("./chart-worker-boot.mjs", import.meta.url));
    started.on("message", (response: ChartResponse) => {
      const request = pending.get(response.id);
      if (!request) return;
      pending.delete(response.id);
      if ("error" in response) request.reject(new Error(response.error));
      else
        request.resolve(Buffer.from(response.png.buffer, response.png.byteOffset, response.png.byteLength));
    });
    started.on("error", (error) => failAll(error));
    started.on("exit", (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`the chart renderer stopped (exit code ${code})`));
    });
    // An idle renderer must not keep the process alive at shutdown.
    started.unref();
    return started;
  };

  return {
    render(spec) {
      worker ??= start();
      const id = nextId++;
      const target = worker;
      return new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        target.postMessage({ id, spec } satisfies ChartRequest);
      });
    },
    async close() {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
