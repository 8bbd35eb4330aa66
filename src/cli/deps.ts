import type { Config } from "../config.ts";
import { openRuntime, type Runtime } from "../runtime.ts";

export interface CliDeps {
  config: Config;
  /** The database chosen for this run (--db, DATABASE_URL, or PGLITE_DIR). */
  target(): string;
  setExitCode(code: number): void;
}

/** Opens the runtime for one CLI command and always closes it. */
export async function withRuntime<T>(deps: CliDeps, fn: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(deps.config, deps.target());
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
