import pino, { type Logger } from "pino";

/**
 * Structured JSON logs on stderr (stdout belongs to answers and --json). Secrets never reach
 * a log line: every known token field is redacted wherever it appears.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "*.botToken",
          "appToken",
          "signingSecret",
          "*.signingSecret",
          "apiKey",
          "*.apiKey",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
          "password",
          "*.password",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}

export type { Logger };
