/**
 * Slack parses &, < and > in message text as control sequences: "<!channel>" pings everyone and
 * "<https://x|label>" hides a link. Every piece of text that did not come from our own templates
 * (feedback, arguments, data) goes through here, so it shows literally and can't ping or link.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack rejects text objects above these sizes; cut with an ellipsis instead of failing. */
export const LIMITS = {
  sectionText: 3000,
  field: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextText: 2000,
  messageBlocks: 50,
  homeBlocks: 100,
  modalBlocks: 100,
  fallbackText: 4000,
} as const;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Cuts escaped text without splitting an entity ("&amp;" → "&am…" would show garbage): the
 * limit applies to the escaped length Slack counts.
 */
export function truncateEscaped(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  const cut = escaped.slice(0, max - 1);
  return `${cut.replace(/&[a-z]{0,4}$/, "")}…`;
}
