import { describe, expect, it } from "vitest";
import { createProgress } from "../../src/console/progress.ts";

/** A stream that records what is written; `isTTY` decides between the bar and log lines. */
function recorder(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, columns: 120, write: (chunk: string) => written.push(chunk) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe("progress", () => {
  it("writes plain log lines off a terminal, naming the stage after the title", () => {
    const { stream, written } = recorder(false);
    const progress = createProgress("Training the delivery-delay model", stream);
    progress.update(0, 150, "growing trees");
    progress.done("hold-out ROC-AUC 0.770");
    expect(written[0]).toMatch(/^Training the delivery-delay model — growing trees: 0\/150 \(\d+\.\ds\)\n$/);
    expect(written[1]).toMatch(/^Training the delivery-delay model: hold-out ROC-AUC 0\.770 \(\d+\.\ds\)\n$/);
  });

  it("redraws one bar on a terminal and always shows the finished state", () => {
    const { stream, written } = recorder(true);
    const progress = createProgress("Loading", stream);
    progress.update(1, 4);
    progress.update(4, 4);
    expect(written).toHaveLength(2);
    // Carriage return and erase-line: the bar is redrawn in place.
    expect(written[1]?.startsWith("\r\x1b[2KLoading [")).toBe(true);
    expect(written[1]).toContain(`[${"█".repeat(28)}] 100% 4/4 `);
  });
});
