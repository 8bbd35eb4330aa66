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
  let current: RenderThread | undefined;
  let nextId = 1;
  return {
    render(spec) {
      current ??= startThread((exited) => {
        if (current === exited) current = undefined;
      });
      const thread = current;
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, spec } satisfies ChartRequest);
      });
    },
    async close() {
      const closing = current;
      current = undefined;
      await closing?.worker.terminate();
    },
  };
}

interface RenderThread {
  worker: Worker;
  /** Charts sent to this thread and not answered yet: failed if the thread dies. */
  pending: Map<number, { resolve(png: Buffer): void; reject(error: Error): void }>;
}

function startThread(onExit: (thread: RenderThread) => void): RenderThread {
  const worker = new Worker(new URL("./chart-worker-boot.mjs", import.meta.url));
  const thread: RenderThread = { worker, pending: new Map() };
  const failAll = (error: Error) => {
    for (const request of thread.pending.values()) request.reject(error);
    thread.pending.clear();
  };
  worker.on("message", (response: ChartResponse) => {
    const request = thread.pending.get(response.id);
    if (!request) return;
    thread.pending.delete(response.id);
    if ("error" in response) request.reject(new Error(response.error));
    else request.resolve(Buffer.from(response.png.buffer, response.png.byteOffset, response.png.byteLength));
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => {
    onExit(thread);
    failAll(new Error(`the chart renderer stopped (exit code ${code})`));
  });
  // An idle renderer must not keep the process alive at shutdown.
  worker.unref();
  return thread;
}
