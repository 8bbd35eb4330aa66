/** The Web API error code ("not_in_channel", "missing_scope"…) inside an error from Slack's client. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}

/** Errors meaning the bot can't post in this conversation, though Slack's response_url still can. */
export function cannotPostHere(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code === "not_in_channel" || code === "channel_not_found" || code === "is_archived";
}

/** What the user should do about a Slack-side failure, in one sentence. */
export function slackFailureHint(error: unknown): string {
  switch (slackErrorCode(error)) {
    case "not_in_channel":
    case "channel_not_found":
      return "Invite me to this channel with /invite, then try again.";
    case "missing_scope":
      return "The app lacks a permission: an admin should reinstall it from manifest.yml.";
    case "invalid_auth":
    case "token_revoked":
    case "account_inactive":
      return "The bot's Slack token is no longer valid: an admin should reinstall the app and update SLACK_BOT_TOKEN.";
    case "ratelimited":
      return "Slack is rate-limiting me; try again in a minute.";
    default:
      return "Try again in a minute; if it keeps failing, ask an admin to check the bot's logs.";
  }
}
