import { createInterface } from "node:readline";
import { commandLineFor } from "../core/commands/mention-router.ts";
import type { Runtime } from "../runtime.ts";
import { writeChartFile } from "./chart-file.ts";
import { renderAnswerText } from "./render.ts";

export interface ReplOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Folder for chart PNGs. */
  chartDir?: string;
}

const EXIT_WORDS = new Set(["exit", "quit", "\\q", ":q"]);

/**
 * The terminal console: the same commands as Slack ("/roas 30d", "/delay-risk …", "/why …"),
 * answered by the same registry. Reads until EOF, so it also works with piped input.
 */
export async function runRepl(runtime: Runtime, options: ReplOptions = {}): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = Boolean(output.isTTY && (input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output, terminal: interactive });
  const write = (text: string) => output.write(`${text}\n`);

  write(`Blinkit decision bot — console on ${runtime.db.description}. Type /roas 30d, help, or exit.`);
  rl.setPrompt("blinkit> ");
  if (interactive) rl.prompt();

  for await (const raw of rl) {
    const line = raw.trim();
    if (EXIT_WORDS.has(line.toLowerCase())) break;
    if (line !== "") {
      const answer = ["help", "?", "/help"].includes(line.toLowerCase())
        ? runtime.registry.help()
        : await runtime.registry.runLine(commandLineFor(runtime.registry, line), runtime.context("console"));
      const chartPath = answer.chart
        ? await writeChartFile(answer.chart, options.chartDir ?? "data/charts", answer.command)
        : undefined;
      write(renderAnswerText(answer, { color: interactive, chartPath }));
      write("");
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
