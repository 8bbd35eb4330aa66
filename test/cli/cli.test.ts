import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SAMPLE = "data/sample";

/** Runs the real `blinkit` entry (bin/blinkit.js → tsx) against a throwaway PGlite directory. */
async function blinkit(dbDir: string, ...args: string[]) {
  const { stdout } = await run(process.execPath, ["bin/blinkit.js", "--db", dbDir, ...args], {
    env: { ...process.env, SLACK_BOT_TOKEN: "", DATABASE_URL: "" },
    maxBuffer: 1 << 24,
  });
  return stdout;
}

async function csv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(SAMPLE, file), "utf8"), { columns: true }) as Record<string, string>[];
}

describe("blinkit CLI on the committed sample", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "blinkit-cli-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("imports the sample and `kpi --json` over its full range equals totals computed from the raw CSVs", async () => {
    const summary = JSON.parse(await blinkit(join(dir, "db"), "data", "import", SAMPLE, "--json"));
    expect(summary.ok).toBe(true);
    const doctor = JSON.parse(await blinkit(join(dir, "db"), "doctor", "--json"));
    const index = doctor.checks.find((c: { name: string }) => c.name === "feedback index");
    expect(index).toMatchObject({ ok: true });
    expect(index.detail).toMatch(/use-lite-512; (\d+)\/\1 distinct texts embedded/);

    const orders = await csv("blinkit_orders.csv");
    const marketing = await csv("blinkit_marketing_performance.csv");
    const kept = orders.filter((o) => !/^cancel/i.test(o.delivery_status ?? ""));
    const revenue = kept.reduce((sum, o) => sum + Number(o.order_total), 0);
    const spend = marketing.reduce((sum, m) => sum + Number(m.spend || 0), 0);
    const late = kept.filter(
      (o) => o.actual_delivery_time && o.actual_delivery_time > (o.promised_delivery_time ?? ""),
    ).length;
    const timed = kept.filter((o) => o.actual_delivery_time && o.promised_delivery_time).length;
    const days = [
      ...orders.map((o) => o.order_date?.slice(0, 10) ?? ""),
      ...marketing.map((m) => m.date ?? ""),
    ].sort();

    const answer = JSON.parse(
      await blinkit(join(dir, "db"), "kpi", "--from", days[0] ?? "", "--to", days.at(-1) ?? "", "--json"),
    );
    const current = answer.data.summary.current;
    expect(current.orders).toBe(kept.length);
    expect(current.cancelledOrders).toBe(orders.length - kept.length);
    expect(current.revenue).toBeCloseTo(revenue, 2);
    expect(current.spend).toBeCloseTo(spend, 2);
    expect(current.lateRate).toBeCloseTo(late / timed, 6);
    expect(current.roas).toBeCloseTo(revenue / spend, 6);
    // Four CLI processes, one of which embeds the sample's feedback: ~30 s alone, more on a busy machine.
  }, 180_000);

  it("answers a console command with `ask` and reports a bad one with a non-zero exit", async () => {
    const text = await blinkit(join(dir, "db"), "ask", "/roas 7d");
    expect(text).toContain("Total Revenue");
    expect(text).toContain("Average ROAS");
    await expect(blinkit(join(dir, "db"), "ask", "/roas fortnight")).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('I don\'t understand "fortnight"'),
    });
  });
});
