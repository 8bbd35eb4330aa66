import type { Services } from "../commands/context.ts";
import { isTimeZone, parseLocalTime } from "./clock.ts";
import { DEFAULT_DIGEST_THRESHOLDS, type DigestThresholds } from "./options.ts";
import { DIGEST_SECTIONS, type Subscription } from "./schedule.ts";

/** The services-bag key of the digest's configuration, shared by `/digest` and the scheduler. */
export const DIGEST_SERVICE = "digest";

/** Digest configuration from the environment (the app reads it; core only receives it). */
export interface DigestService {
  thresholds: DigestThresholds;
  /** The channel subscribed by configuration (DIGEST_CHANNEL), if any. */
  defaultSubscription?: Subscription;
}

export interface DigestConfig {
  /** DIGEST_CHANNEL: a channel id (C0123…) or #name. */
  channel?: string;
  /** DIGEST_TIME: "HH:MM", default 08:30. */
  time?: string;
  /** DIGEST_TIME_ZONE: IANA zone, default the reporting zone. */
  timeZone: string;
  thresholds?: Partial<DigestThresholds>;
}

/** Builds the service, refusing a bad time or zone with a message naming the variable. */
export function digestService(config: DigestConfig): DigestService {
  const time = config.time ?? "08:30";
  if (parseLocalTime(time) === undefined) {
    throw new Error(`DIGEST_TIME "${time}" is not a 24-hour HH:MM time such as 08:30.`);
  }
  if (!isTimeZone(config.timeZone)) {
    throw new Error(`DIGEST_TIME_ZONE "${config.timeZone}" is not an IANA time zone such as Asia/Kolkata.`);
  }
  const thresholds = { ...DEFAULT_DIGEST_THRESHOLDS, ...config.thresholds };
  if (!config.channel) return { thresholds };
  return {
    thresholds,
    defaultSubscription: {
      channel: config.channel,
      localTime: time.padStart(5, "0"),
      timeZone: config.timeZone,
      sections: [...DIGEST_SECTIONS],
      createdBy: "configuration",
      source: "config",
    },
  };
}

/** The digest service in `services`, or defaults (no default channel) when the app set none. */
export function digestServiceOf(services: Services): DigestService {
  const service = services[DIGEST_SERVICE] as DigestService | undefined;
  return service?.thresholds ? service : { thresholds: DEFAULT_DIGEST_THRESHOLDS };
}
