import { renderAnswerText } from "../console/render.ts";
import type { Answer } from "../core/commands/answer.ts";

/** Prints an Answer as JSON (for scripts) or text; returns the exit code it deserves. */
export function printAnswer(answer: Answer, json: boolean): number {
  if (json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  } else {
    process.stdout.write(`${renderAnswerText(answer, { color: Boolean(process.stdout.isTTY) })}\n`);
  }
  return answer.error ? 1 : 0;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
