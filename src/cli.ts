import { Command, Option } from "commander";
import { registerCliCommands } from "./cli/commands.ts";
import { ConfigError, databaseTarget, loadConfig } from "./config.ts";

/**
 * `blinkit` — the command-line entry: data generate|import|inspect, db migrate, kpi, ask,
 * model train|eval, rag index, zones, doctor. Every read command takes --json.
 */
async function main(argv: string[]): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const program = new Command("blinkit")
    .description("Blinkit decision bot: ROAS, delivery-delay risk and customer-feedback answers")
    .addOption(new Option("--db <url|dir>", "database for this run: postgres:// URL or PGlite directory"))
    .showHelpAfterError();
  let exitCode = 0;
  registerCliCommands(program, {
    config,
    target: () => program.opts<{ db?: string }>().db ?? databaseTarget(config),
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  await program.parseAsync(argv);
  return exitCode;
}

main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`blinkit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
