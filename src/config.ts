import { z } from "zod";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"], { message: "must be true or false" })
  .transform((value) => ["1", "true", "yes"].includes(value))
  .optional();

/** Everything the process reads from its environment, validated once at start. */
const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    PGLITE_DIR: z.string().min(1).default("data/pgdata"),
    SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "must be a bot token starting with xoxb-").optional(),
    SLACK_APP_TOKEN: z
      .string()
      .startsWith("xapp-", "must be an app-level token starting with xapp- (Socket Mode)")
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(8, "looks too short to be a Slack signing secret").optional(),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    GROQ_API_KEY: z.string().min(1).optional(),
    GROQ_MODEL: z.string().min(1).default("llama-3.1-8b-instant"),
    GROQ_BASE_URL: z.string().url().optional(),
    TZ_REPORTS: z
      .string()
      .default("Asia/Kolkata")
      .refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata or UTC"),
    EMBEDDINGS_MODEL: z.string().min(1).optional(),
    EMBEDDINGS_MODEL_DIR: z.string().min(1).optional(),
    EMBEDDINGS_ALLOW_DOWNLOAD: booleanFlag,
    EMBEDDINGS_FALLBACK: booleanFlag,
    MODEL_PATH: z.string().min(1).default("models/delivery_delay_model.json"),
    DIGEST_CHANNEL: z
      .string()
      .regex(/^(#[\w-]+|[CG][A-Z0-9]{6,})$/, "must be a channel id (C0123ABCD) or #channel-name")
      .optional(),
    DIGEST_TIME: z
      .string()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time such as 08:30")
      .default("08:30"),
    DIGEST_TIME_ZONE: z
      .string()
      .refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata or UTC")
      .optional(),
    DIGEST_CATCHUP_MINUTES: z.coerce.number().int().min(0).max(1380).default(180),
    DIGEST_ROAS_TARGET: z.coerce.number().positive().default(2),
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_APP_TOKEN"],
        message:
          "SLACK_BOT_TOKEN is set, so also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)",
      });
    }
  });

export type Config = z.infer<typeof schema>;

export type SlackMode = "socket" | "http" | "console";

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Configuration problem${problems.length > 1 ? "s" : ""}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Parses the environment, reporting every bad value at once with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

export function slackMode(config: Config): SlackMode {
  if (!config.SLACK_BOT_TOKEN) return "console";
  return config.SLACK_APP_TOKEN ? "socket" : "http";
}

/** The database target: a server URL when given, otherwise the embedded PGlite directory. */
export function databaseTarget(config: Config): string {
  return config.DATABASE_URL ?? config.PGLITE_DIR;
}
