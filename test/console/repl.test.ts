import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { runRepl } from "../../src/console/repl.ts";
import { loadDataDirectory } from "../../src/core/data/load.ts";
import { openRuntime, type Runtime } from "../../src/runtime.ts";

describe("terminal console", () => {
  let runtime: Runtime;
  let chartDir: string;
  beforeAll(async () => {
    runtime = await openRuntime(loadConfig({ PGLITE_DIR: "memory://" }), "memory://");
    await loadDataDirectory(runtime.db, "data/sample");
    chartDir = await mkdtemp(join(tmpdir(), "blinkit-charts-"));
  });
  afterAll(async () => {
    await runtime.close();
    await rm(chartDir, { recursive: true, force: true });
  });

  async function session(lines: string[]): Promise<string> {
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
    });
    await runRepl(runtime, { input: Readable.from([`${lines.join("\n")}\n`]), output, chartDir });
    return text;
  }

  it("answers the same commands as Slack, writes the chart as a PNG, and stops at exit", async () => {
    const text = await session(["/roas 7d", "roas month", "help", "exit", "/roas 365d"]);
    expect(text).toContain("ROAS & revenue — last 7 days");
    expect(text).toContain("ROAS & revenue — last 30 days");
    expect(text).toMatch(/Total Revenue\s+₹[\d,]+/);
    expect(text).toContain("/delay-risk");
    expect(text).not.toContain("last 365 days");
    const charts = await readdir(chartDir);
    expect(charts.filter((f) => f.endsWith(".png"))).toHaveLength(2);
  });

  it("reads plain language like a Slack mention", async () => {
    const text = await session(["how did revenue do in the last 7 days?", "what's the weather"]);
    expect(text).toContain("ROAS & revenue — the last 7 days");
    expect(text).toContain("What I can do");
  });

  it("turns bad input into a message, never a stack trace", async () => {
    const text = await session(["/roas 2024-02-30..2024-03-01", "/nosuch", "/roas 9999"]);
    expect(text).toContain("not a real calendar date");
    expect(text).toContain('I don\'t know the command "/nosuch"');
    expect(text).toContain("between 1 and 730");
    expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
