import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: PGlite instances are heavy (WASM + ~100 MB each), so cap the worker count.
    maxWorkers: 2,
    pool: "forks",
  },
});
