import type { Answer } from "../../../src/core/commands/answer.ts";
import type { Db } from "../../../src/core/db/types.ts";
import { DEFAULT_DIGEST_THRESHOLDS } from "../../../src/core/digest/options.ts";
import { DIGEST_SECTIONS, type Subscription } from "../../../src/core/digest/schedule.ts";
import {
  DEFAULT_RUN_POLICY,
  type DigestLog,
  type DigestPoster,
  type DigestWorker,
} from "../../../src/core/digest/worker.ts";

/**
 * A poster that records what it was asked to post, and answers `alreadyPosted` from those
 * posts, as the channel would. It can be told to fail, to lose a post's success, or to fail the
 * check.
 */
export class RecordingPoster implements DigestPoster {
  /** What landed in the channels. */
  readonly posts: Array<{ channel: string; answer: Answer; reportDate: string }> = [];
  readonly checks: Array<{ channel: string; reportDate: string; since: Date }> = [];
  /** Failures still to serve, one per call, before posting succeeds again. */
  failNext = 0;
  /** Posts still to land with an error thrown anyway (a lost response), one per call. */
  loseNext = 0;
  /** Thrown by every check while set. */
  checkError: Error | undefined;

  async post(channel: string, answer: Answer, reportDate: string): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("Slack said: service_unavailable");
    }
    this.posts.push({ channel, answer, reportDate });
    if (this.loseNext > 0) {
      this.loseNext -= 1;
      throw new Error("socket hang up");
    }
  }

  async alreadyPosted(channel: string, reportDate: string, since: Date): Promise<boolean> {
    this.checks.push({ channel, reportDate, since });
    if (this.checkError) throw this.checkError;
    return this.posts.some((post) => post.channel === channel && post.reportDate === reportDate);
  }

  channels(): string[] {
    return this.posts.map((p) => p.channel);
  }
}

export class RecordingLog implements DigestLog {
  readonly lines: Array<{ level: string; message: string; fields: object }> = [];
  info(fields: object, message: string) {
    this.lines.push({ level: "info", message, fields });
  }
  warn(fields: object, message: string) {
    this.lines.push({ level: "warn", message, fields });
  }
  error(fields: object, message: string) {
    this.lines.push({ level: "error", message, fields });
  }
  at(level: string): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message);
  }
}

/** A settable clock: tests move it instead of waiting. */
export class FakeClock {
  constructor(private instant: Date) {}
  now = (): Date => new Date(this.instant);
  set(iso: string): void {
    this.instant = new Date(iso);
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

export interface TestWorker extends DigestWorker {
  poster: RecordingPoster;
  log: RecordingLog;
}

export function fakeWorker(db: Db, clock: FakeClock, overrides: Partial<DigestWorker> = {}): TestWorker {
  return {
    db,
    clock: clock.now,
    workerId: "test-worker",
    policy: DEFAULT_RUN_POLICY,
    content: { thresholds: DEFAULT_DIGEST_THRESHOLDS, sources: {} },
    ...overrides,
    poster: new RecordingPoster(),
    log: new RecordingLog(),
  };
}

export function subscription(channel: string, localTime: string, timeZone: string): Subscription {
  return { channel, localTime, timeZone, sections: [...DIGEST_SECTIONS], createdBy: "U1", source: "command" };
}

/**
 * `db` whose first query with exactly this SQL text fails, as when the connection drops at that
 * moment (e.g. `sqlQuery("digest_run_posted")`: a digest posted but not recorded).
 */
export function failingOnce(db: Db, sql: string): Db {
  let failed = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "query") {
        return (text: string, params?: readonly unknown[]) => {
          if (!failed && text === sql) {
            failed = true;
            return Promise.reject(new Error("Connection terminated unexpectedly"));
          }
          return target.query(text, params);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
