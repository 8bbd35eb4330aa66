import type { ChartSpec } from "../core/commands/answer.ts";
import type { CommandContext } from "../core/commands/context.ts";
import type { CommandRegistry } from "../core/commands/registry.ts";
import type { Logger } from "../logger.ts";
import type { BotMetrics } from "../observability/metrics.ts";
import type { WorkQueue } from "./delivery/work-queue.ts";

/** A mention's text turned into a command line the registry understands. */
export type MentionRouter = (text: string) => { command: string; args: string };

/** What every Slack listener needs; built once in src/app-slack.ts. */
export interface HandlerDeps {
  registry: CommandRegistry;
  /** A command context for the Slack user who asked. */
  context(requester: string): CommandContext;
  renderChart(spec: ChartSpec): Promise<Buffer>;
  /** Commands (and charts) run through this bound on concurrent work after ack(). */
  work: WorkQueue;
  routeMention: MentionRouter;
  /** A command still running after this long gets a "Looking into it…" note. */
  slowAfterMs: number;
  /** Command lines whose answers make up the App Home tab, in order (e.g. "/roas 30d"). */
  homePanels: readonly string[];
  logger: Logger;
  metrics: BotMetrics;
}
