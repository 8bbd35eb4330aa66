import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeMention } from "../../src/core/commands/mention-router.ts";
import { parseRoasArgs } from "../../src/core/commands/roas-args.ts";
import { parseDelayRiskArgs } from "../../src/core/delay-model/args.ts";
import { parseDigestArgs } from "../../src/core/digest/args.ts";

// Fixed seed: a failure reproduces on every machine and in CI, and names its counterexample.
const RUN = { seed: 20261125, numRuns: 400 } as const;

/** Words the parsers know, mixed with hostile ones, so the fuzzer reaches past the first check. */
const WORDS = [
  "7d",
  "30d",
  "365d",
  "week",
  "month",
  "year",
  "help",
  "sql",
  "2024-07-01..2024-07-14",
  "2024-02-30",
  "..",
  "area=",
  "zone=South",
  "hour=25",
  "day=sat",
  "promised=-1",
  "promised=99999",
  "tomorrow",
  "today",
  "subscribe",
  "unsubscribe",
  "preview",
  "list",
  "08:30",
  "24:00",
  "Asia/Kolkata",
  "Mars/Base",
  "#kpis",
  "<#C0123ABCD|kpis>",
  "sections=kpis,nope",
  "<!channel>",
  "<!here>",
  "<@U123|bob>",
  "'; drop table orders; --",
  "1 OR 1=1",
  "\u0000",
  "\u202e",
  "🙂",
  "ज़ोन",
  "roas",
  "why",
  "late",
  "=",
  "==",
  "a=b=c",
  "NaN",
  "-0",
  "1e309",
];

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((words) => words.join(" ")),
  fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }), fc.string({ maxLength: 20 }))
    .map(([words, noise]) => `${words.join(" ")}${noise}`),
  fc.constant("x".repeat(10_000)),
);

/** Either a value or a message for the user: never an exception, never an untyped shape. */
function expectParsed(result: { ok: true; value: { kind: string } } | { ok: false; message: string }) {
  if (result.ok) {
    expect(typeof result.value.kind).toBe("string");
  } else {
    expect(typeof result.message).toBe("string");
    expect(result.message.length).toBeGreaterThan(0);
  }
}

describe("argument parsers under fuzzing (fixed seed)", () => {
  it("parseRoasArgs never throws and always returns a typed result", () => {
    fc.assert(
      fc.property(hostileText, (text) => expectParsed(parseRoasArgs(text))),
      RUN,
    );
  });

  it("parseDelayRiskArgs never throws and always returns a typed result", () => {
    fc.assert(
      fc.property(hostileText, (text) => expectParsed(parseDelayRiskArgs(text))),
      RUN,
    );
  });

  it("parseDigestArgs never throws and always returns a typed result", () => {
    fc.assert(
      fc.property(hostileText, (text) => expectParsed(parseDigestArgs(text))),
      RUN,
    );
  });

  it("routeMention never throws, routes to a known command and drops Slack's special mentions", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const route = routeMention(text);
        expect(["why", "roas", "delay-risk", "help"]).toContain(route.command);
        expect(typeof route.args).toBe("string");
        expect(route.args).not.toMatch(/<[!@#][^>]*>/);
      }),
      RUN,
    );
  });
});
