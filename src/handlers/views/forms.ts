import type { types, ViewStateValue } from "@slack/bolt";
import type { Answer } from "../../core/commands/answer.ts";
import type { CommandContext } from "../../core/commands/context.ts";
import { delayRiskForm } from "./delay-risk-form.ts";

/** Submitted modal values as Slack sends them: block_id → action_id → element state. */
export type FormValues = Record<string, Record<string, ViewStateValue | undefined>>;

/** A modal that collects a command's arguments when the user typed the command bare. */
export interface CommandForm {
  /** The command it fills in, without the slash. */
  command: string;
  /** Modal title (Slack allows 24 characters). */
  title: string;
  blocks(ctx: CommandContext): Promise<types.KnownBlock[]>;
  /** The command's argument line built from the submitted values. */
  toArgs(values: FormValues): string;
}

const FORMS = new Map<string, CommandForm>([[delayRiskForm.command, delayRiskForm]]);

export function formNamed(command: string): CommandForm | undefined {
  return FORMS.get(command);
}

/**
 * The form an answer asks for: a command that needs input it did not get says so with
 * `data: { form: "<command>" }` instead of an error, and Slack shows the modal.
 */
export function formFor(answer: Answer): CommandForm | undefined {
  const data = answer.data;
  if (typeof data !== "object" || data === null || !("form" in data)) return undefined;
  const form = (data as { form: unknown }).form;
  return typeof form === "string" ? FORMS.get(form) : undefined;
}
