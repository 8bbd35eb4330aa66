import { answer } from "../../src/core/commands/answer.ts";
import { type Command, CommandRegistry } from "../../src/core/commands/registry.ts";
import type { Db } from "../../src/core/db/types.ts";

/** A Db that fails loudly: for tests where no request may reach the database. */
export const unreachableDb: Db = {
  engine: "pglite",
  description: "unreachable",
  query: () => Promise.reject(new Error("the database must not be reached in this test")),
  exec: () => Promise.reject(new Error("the database must not be reached in this test")),
  transaction: () => Promise.reject(new Error("the database must not be reached in this test")),
  close: () => Promise.resolve(),
};

/** A latch the test opens when it has seen what happens before the command finishes. */
export class Gate {
  private release: () => void = () => undefined;
  readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  open(): void {
    this.release();
  }
}

export const echoCommand: Command = {
  name: "echo",
  summary: "Repeats what you typed",
  examples: ["/echo hello"],
  async run(args) {
    return answer("echo", "Echo", { sections: [{ heading: "You said", lines: [args] }] });
  },
};

export const chartedCommand: Command = {
  name: "charted",
  summary: "An answer with a chart",
  examples: ["/charted"],
  async run() {
    return answer("charted", "Charted", {
      facts: [{ label: "Revenue", unit: "inr", value: 1000 }],
      chart: {
        title: "Revenue",
        labels: ["2024-07-01", "2024-07-02"],
        series: [{ label: "Revenue", kind: "line", axis: "left", unit: "inr", values: [1, 2] }],
      },
    });
  },
};

/** Finishes only when the test opens the current gate (`currentGate` is read per run). */
export function slowCommand(currentGate: () => Gate): Command {
  return {
    name: "slow",
    summary: "Waits for the test to let it finish",
    examples: ["/slow"],
    async run(args) {
      await currentGate().opened;
      return args === "private"
        ? answer("slow", "Private result", { visibility: "ephemeral" })
        : answer("slow", "Finally", { facts: [{ label: "Orders", unit: "count", value: 3 }] });
    },
  };
}

export function fakeRegistry(...extra: Command[]): CommandRegistry {
  return new CommandRegistry([echoCommand, chartedCommand, ...extra]);
}
