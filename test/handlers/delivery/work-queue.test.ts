import { describe, expect, it } from "vitest";
import { BusyError, workQueue } from "../../../src/handlers/delivery/work-queue.ts";
import { Gate } from "../fake-commands.ts";

describe("workQueue", () => {
  it("runs at most `concurrency` jobs at once and starts waiting ones in order", async () => {
    const queue = workQueue({ concurrency: 2, maxWaiting: 10 });
    const gates = [new Gate(), new Gate(), new Gate(), new Gate()];
    const started: number[] = [];
    const jobs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.opened;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([queue.active, queue.waiting]).toEqual([2, 2]);
    gates[1]?.open();
    await jobs[1];
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.open();
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3]);
    expect([queue.active, queue.waiting]).toEqual([0, 0]);
  });

  it("refuses work beyond the waiting room with BusyError, and frees the slot of a failed job", async () => {
    const queue = workQueue({ concurrency: 1, maxWaiting: 1 });
    const gate = new Gate();
    const running = queue.run(() => gate.opened);
    const waiting = queue.run(async () => "second");
    await expect(queue.run(async () => "third")).rejects.toBeInstanceOf(BusyError);
    gate.open();
    await running;
    expect(await waiting).toBe("second");
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await queue.run(async () => "after a failure")).toBe("after a failure");
  });
});
