import type { webApi } from "@slack/bolt";
import { LIMITS, truncate } from "../blocks/escape.ts";
import type { HandlerDeps } from "../deps.ts";
import type { CommandForm } from "./forms.ts";

/** callback_id of every command modal; private_metadata says which command and where to answer. */
export const COMMAND_FORM_CALLBACK = "command_form";

export interface FormMetadata {
  command: string;
  channel: string;
  user: string;
}

export async function openCommandForm(
  client: webApi.WebClient,
  deps: HandlerDeps,
  form: CommandForm,
  where: { triggerId: string; channel: string; user: string },
): Promise<void> {
  const metadata: FormMetadata = { command: form.command, channel: where.channel, user: where.user };
  const blocks = await form.blocks(deps.context(where.user));
  await client.views.open({
    trigger_id: where.triggerId,
    view: {
      type: "modal",
      callback_id: COMMAND_FORM_CALLBACK,
      title: { type: "plain_text", text: truncate(form.title, 24) },
      submit: { type: "plain_text", text: "Ask" },
      close: { type: "plain_text", text: "Cancel" },
      private_metadata: JSON.stringify(metadata),
      blocks: blocks.slice(0, LIMITS.modalBlocks),
    },
  });
}

export function parseFormMetadata(raw: string): FormMetadata | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return undefined;
    const { command, channel, user } = value as Record<string, unknown>;
    if (typeof command !== "string" || typeof channel !== "string" || typeof user !== "string")
      return undefined;
    return { command, channel, user };
  } catch {
    return undefined;
  }
}
