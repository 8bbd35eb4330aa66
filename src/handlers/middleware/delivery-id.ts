/** What a Slack request is, read from its parsed body: for logs, metrics and deduplication. */
export interface RequestInfo {
  kind: "command" | "event" | "action" | "view" | "other";
  /** The slash command, event type, action id (without its ":variant") or view callback id. */
  name: string;
  /**
   * The same for every delivery of one request: event_id for Events API callbacks (Slack's
   * retries repeat it), trigger_id for commands, buttons and modals (a replay repeats it).
   */
  deliveryId?: string;
}

export function describeRequest(body: unknown): RequestInfo {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const triggerId = text(fields.trigger_id);
  if (text(fields.command)) {
    return { kind: "command", name: text(fields.command) ?? "", deliveryId: prefixed("trigger", triggerId) };
  }
  if (fields.type === "event_callback") {
    const event = fields.event as Record<string, unknown> | undefined;
    return {
      kind: "event",
      name: text(event?.type) ?? "unknown",
      deliveryId: prefixed("event", text(fields.event_id)),
    };
  }
  if (fields.type === "block_actions") {
    const first = (Array.isArray(fields.actions) ? fields.actions[0] : undefined) as
      | Record<string, unknown>
      | undefined;
    const actionId = text(first?.action_id) ?? "unknown";
    return {
      kind: "action",
      name: actionId.split(":")[0] ?? actionId,
      deliveryId: prefixed("trigger", triggerId),
    };
  }
  if (fields.type === "view_submission" || fields.type === "view_closed") {
    const view = fields.view as Record<string, unknown> | undefined;
    return {
      kind: "view",
      name: text(view?.callback_id) ?? "unknown",
      deliveryId: prefixed("trigger", triggerId),
    };
  }
  return { kind: "other", name: text(fields.type) ?? "unknown" };
}

function prefixed(kind: string, id: string | undefined): string | undefined {
  return id ? `${kind}:${id}` : undefined;
}
