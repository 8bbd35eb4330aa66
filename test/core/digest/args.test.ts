import { describe, expect, it } from "vitest";
import { parseChannel, parseDigestArgs } from "../../../src/core/digest/args.ts";

const ok = (text: string) => {
  const parsed = parseDigestArgs(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};
const problem = (text: string) => {
  const parsed = parseDigestArgs(text);
  return parsed.ok ? undefined : parsed.message;
};

describe("parseDigestArgs", () => {
  it("reads subscribe words in any order", () => {
    expect(ok("subscribe 08:30")).toEqual({ kind: "subscribe", localTime: "08:30" });
    expect(ok("subscribe Europe/London 9:05 <#C0123ABCD|kpis> sections=alerts,kpis")).toEqual({
      kind: "subscribe",
      localTime: "09:05",
      timeZone: "Europe/London",
      channel: "C0123ABCD",
      sections: ["kpis", "alerts"],
    });
    expect(ok("SUBSCRIBE 23:59 utc #ops-daily")).toMatchObject({ timeZone: "UTC", channel: "#ops-daily" });
  });

  it("explains what is wrong with a subscribe", () => {
    expect(problem("subscribe")).toMatch(/Say when/);
    expect(problem("subscribe 8.30")).toMatch(/isn't a time: use 24-hour HH:MM/);
    expect(problem("subscribe 25:00")).toMatch(/isn't a time/);
    expect(problem("subscribe 08:30 Mars/Olympus")).toMatch(/isn't a time zone I know.*Asia\/Kolkata/);
    expect(problem("subscribe 08:30 sections=kpis,weather")).toMatch(
      /Unknown section "weather".*kpis, chart/,
    );
    expect(problem("subscribe 08:30 09:00")).toMatch(/only one time/);
    expect(problem("subscribe 08:30 2026-11-25")).toMatch(/doesn't belong here/);
  });

  it("reads the other verbs", () => {
    expect(ok("")).toEqual({ kind: "help" });
    expect(ok("help")).toEqual({ kind: "help" });
    expect(ok("list")).toEqual({ kind: "list" });
    expect(ok("unsubscribe")).toEqual({ kind: "unsubscribe" });
    expect(ok("unsubscribe #kpis")).toEqual({ kind: "unsubscribe", channel: "#kpis" });
    expect(ok("preview 2026-11-25 <#C0123ABCD>")).toEqual({
      kind: "preview",
      channel: "C0123ABCD",
      reportDate: "2026-11-25",
    });
    expect(problem("preview 2026-02-30")).toBe('"2026-02-30" isn\'t a real date.');
    expect(problem("send")).toMatch(/Use subscribe, unsubscribe, preview, list or help/);
  });

  it("recognises channels as Slack writes them", () => {
    expect(parseChannel("<#C0123ABCD|general>")).toBe("C0123ABCD");
    expect(parseChannel("G0123ABCDE")).toBe("G0123ABCDE");
    expect(parseChannel("#general")).toBe("#general");
    expect(parseChannel("general")).toBeUndefined();
    expect(parseChannel("#General Chat")).toBeUndefined();
  });
});
