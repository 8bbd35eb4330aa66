import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../../../src/core/data/generate/generate.ts";
import { SAMPLE_DIR, SAMPLE_OPTIONS } from "../../../../src/core/data/generate/sample.ts";

/**
 * The committed sample under data/sample is the generator's golden output. When the generator
 * changes on purpose, regenerate it with: UPDATE_SAMPLE=1 npx vitest run test/core/data/generate/sample.test.ts
 */
describe("committed sample", () => {
  it("is byte-identical to what the generator produces from the same options", async () => {
    if (process.env.UPDATE_SAMPLE === "1") await generateDataset(SAMPLE_OPTIONS, SAMPLE_DIR);
    const dir = await mkdtemp(join(tmpdir(), "blinkit-sample-"));
    try {
      await generateDataset(SAMPLE_OPTIONS, dir);
      const generated = (await readdir(dir)).sort();
      const committed = (await readdir(SAMPLE_DIR)).filter((f) => f !== "README.md").sort();
      expect(committed).toEqual(generated);
      for (const file of generated) {
        const [a, b] = await Promise.all([readFile(join(dir, file)), readFile(join(SAMPLE_DIR, file))]);
        expect(a.equals(b), file).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("stays small enough to commit", async () => {
    let bytes = 0;
    for (const file of await readdir(SAMPLE_DIR)) bytes += (await readFile(join(SAMPLE_DIR, file))).length;
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("changes when the seed changes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "blinkit-seed-"));
    try {
      await generateDataset({ ...SAMPLE_OPTIONS, seed: SAMPLE_OPTIONS.seed + 1 }, dir);
      const file = "blinkit_orders.csv";
      const [a, b] = await Promise.all([readFile(join(dir, file)), readFile(join(SAMPLE_DIR, file))]);
      expect(a.equals(b)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
