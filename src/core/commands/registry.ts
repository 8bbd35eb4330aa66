import { type Answer, answer, errorAnswer } from "./answer.ts";
import type { CommandContext } from "./context.ts";

export interface Command {
  /** Without the slash: "roas". */
  name: string;
  /** One line for help listings. */
  summary: string;
  /** Example invocations, each a full command line. */
  examples: string[];
  run(args: string, ctx: CommandContext): Promise<Answer>;
}

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  constructor(commands: Command[] = []) {
    for (const command of commands) this.register(command);
  }

  register(command: Command): void {
    this.commands.set(command.name, command);
  }

  get(name: string): Command | undefined {
    return this.commands.get(name.replace(/^\//, "").toLowerCase());
  }

  list(): Command[] {
    return [...this.commands.values()];
  }

  /**
   * Runs one command line such as "/roas 30d". Any exception becomes an error answer:
   * a user never sees a stack trace, whichever surface asked.
   */
  async runLine(line: string, ctx: CommandContext): Promise<Answer> {
    const { name, args } = splitCommandLine(line);
    if (!name) return this.help();
    const command = this.get(name);
    if (!command) {
      return errorAnswer("help", `I don't know the command "/${name}".`, "Try one of the commands below.", {
        sections: this.helpSections(),
      });
    }
    return this.run(command, args, ctx);
  }

  async run(command: Command, args: string, ctx: CommandContext): Promise<Answer> {
    try {
      return await command.run(args, ctx);
    } catch (error) {
      return errorAnswer(
        command.name,
        `Something went wrong while answering /${command.name}: ${describeError(error)}.`,
        "Try again in a minute; if it keeps failing, ask an admin to check the bot's logs.",
      );
    }
  }

  help(): Answer {
    return answer("help", "What I can do", { sections: this.helpSections(), visibility: "ephemeral" });
  }

  private helpSections() {
    return this.list().map((command) => ({
      heading: `/${command.name} — ${command.summary}`,
      lines: command.examples,
    }));
  }
}

export function splitCommandLine(line: string): { name: string; args: string } {
  const trimmed = line.trim();
  const match = /^\/?([a-z][\w-]*)\s*([\s\S]*)$/i.exec(trimmed);
  if (!match) return { name: "", args: trimmed };
  return { name: (match[1] ?? "").toLowerCase(), args: (match[2] ?? "").trim() };
}

/** The message of an error, without stack, for a user-facing sentence. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? "unknown error";
  return String(error);
}
