import { describe, expect, it } from "vitest";
import {
  localDateTime,
  parseLocalTime,
  utcOffsetMinutes,
  zonedInstant,
} from "../../../src/core/digest/clock.ts";
import {
  DIGEST_SECTIONS,
  dueRuns,
  nextRunAfter,
  type Subscription,
} from "../../../src/core/digest/schedule.ts";
import { addDays } from "../../../src/core/kpis/range.ts";

function sub(channel: string, localTime: string, timeZone: string): Subscription {
  return { channel, localTime, timeZone, sections: [...DIGEST_SECTIONS], createdBy: "U1", source: "command" };
}

const at = (iso: string) => new Date(iso);
const dueChannels = (subs: Subscription[], now: string, window = 0) =>
  dueRuns(subs, at(now), window).map((run) => `${run.subscription.channel}@${run.reportDate}`);

describe("zonedInstant / localDateTime", () => {
  it("places 08:30 in fixed-offset and DST zones", () => {
    expect(zonedInstant("2026-11-25", 510, "Asia/Kolkata").toISOString()).toBe("2026-11-25T03:00:00.000Z");
    expect(zonedInstant("2026-11-25", 510, "UTC").toISOString()).toBe("2026-11-25T08:30:00.000Z");
    expect(zonedInstant("2026-01-15", 510, "Europe/London").toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedInstant("2026-07-15", 510, "Europe/London").toISOString()).toBe("2026-07-15T07:30:00.000Z");
    // US clocks go forward on 2026-03-08: 08:30 is EST (−5) the day before, EDT (−4) that day.
    expect(zonedInstant("2026-03-07", 510, "America/New_York").toISOString()).toBe(
      "2026-03-07T13:30:00.000Z",
    );
    expect(zonedInstant("2026-03-08", 510, "America/New_York").toISOString()).toBe(
      "2026-03-08T12:30:00.000Z",
    );
  });

  it("resolves a time skipped by spring-forward to just past the gap", () => {
    // London 2026-03-29: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens; it becomes 02:30 BST.
    const instant = zonedInstant("2026-03-29", 90, "Europe/London");
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localDateTime(instant, "Europe/London")).toEqual({ date: "2026-03-29", minutes: 150 });
  });

  it("resolves a time repeated by fall-back to its first occurrence", () => {
    // London 2026-10-25: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(zonedInstant("2026-10-25", 90, "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("round-trips every day of a year in a DST zone", () => {
    for (let day = 0; day < 366; day += 1) {
      const date = addDays("2026-01-01", day);
      for (const minutes of [0, 510, 1439]) {
        expect(localDateTime(zonedInstant(date, minutes, "America/New_York"), "America/New_York")).toEqual({
          date,
          minutes,
        });
      }
    }
  });

  it("reports UTC offsets", () => {
    expect(utcOffsetMinutes(Date.parse("2026-11-25T00:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(utcOffsetMinutes(Date.parse("2026-07-01T00:00:00Z"), "America/New_York")).toBe(-240);
  });

  it("parses 24-hour times only", () => {
    expect(parseLocalTime("08:30")).toBe(510);
    expect(parseLocalTime("8:05")).toBe(485);
    expect(parseLocalTime("24:00")).toBeUndefined();
    expect(parseLocalTime("8.30")).toBeUndefined();
    expect(parseLocalTime("08:60")).toBeUndefined();
  });
});

describe("dueRuns", () => {
  const kolkata = sub("CIN", "08:30", "Asia/Kolkata");
  const utc = sub("CUTC", "08:30", "UTC");
  const london = sub("CLON", "08:30", "Europe/London");

  it("makes each subscription due at 08:30 in its own zone", () => {
    const subs = [kolkata, utc, london];
    expect(dueChannels(subs, "2026-11-25T02:59:00Z")).toEqual([]);
    expect(dueChannels(subs, "2026-11-25T03:00:20Z")).toEqual(["CIN@2026-11-25"]);
    expect(dueChannels(subs, "2026-11-25T03:01:00Z")).toEqual([]);
    // In November London is on GMT, so London and UTC coincide.
    expect(dueChannels(subs, "2026-11-25T08:30:00Z")).toEqual(["CUTC@2026-11-25", "CLON@2026-11-25"]);
  });

  it("follows DST: London's 08:30 is 07:30Z in summer, and the change-over day is right", () => {
    expect(dueChannels([london, utc], "2026-07-01T07:30:00Z")).toEqual(["CLON@2026-07-01"]);
    expect(dueChannels([london], "2026-03-28T08:30:00Z")).toEqual(["CLON@2026-03-28"]);
    expect(dueChannels([london], "2026-03-29T07:30:00Z")).toEqual(["CLON@2026-03-29"]);
    expect(dueChannels([london], "2026-03-29T08:30:00Z")).toEqual([]);
  });

  it("catches up within the window and not after it", () => {
    // Bot down at 08:30 IST, starting at 09:10 IST (03:40Z): 40 minutes late.
    expect(dueChannels([kolkata], "2026-11-25T03:40:00Z", 60)).toEqual(["CIN@2026-11-25"]);
    expect(dueChannels([kolkata], "2026-11-25T03:40:00Z", 39)).toEqual([]);
    expect(dueRuns([kolkata], at("2026-11-25T03:40:00Z"), 60)[0]?.scheduledFor.toISOString()).toBe(
      "2026-11-25T03:00:00.000Z",
    );
  });

  it("catches up across local midnight with the previous day's date", () => {
    const late = sub("CLATE", "23:50", "UTC");
    expect(dueChannels([late], "2026-11-26T00:10:00Z", 30)).toEqual(["CLATE@2026-11-25"]);
    expect(dueChannels([late], "2026-11-26T00:10:00Z", 10)).toEqual([]);
  });

  it("does not catch up on a slot from before the channel subscribed", () => {
    const fresh = { ...kolkata, since: at("2026-11-25T04:30:00Z") }; // subscribed at 10:00 IST
    expect(dueChannels([fresh], "2026-11-25T04:31:00Z", 180)).toEqual([]);
    expect(dueChannels([fresh], "2026-11-26T03:00:00Z", 180)).toEqual(["CIN@2026-11-26"]);
    const justInTime = { ...kolkata, since: at("2026-11-25T03:00:30Z") }; // during the slot's minute
    expect(dueChannels([justInTime], "2026-11-25T03:01:00Z", 180)).toEqual(["CIN@2026-11-25"]);
  });

  it("ignores a subscription with an unreadable time instead of failing the others", () => {
    expect(dueChannels([sub("CBAD", "8h30", "UTC"), utc], "2026-11-25T08:30:00Z")).toEqual([
      "CUTC@2026-11-25",
    ]);
  });
});

describe("nextRunAfter", () => {
  it("is today's slot before it and tomorrow's after it", () => {
    const kolkata = sub("CIN", "08:30", "Asia/Kolkata");
    expect(nextRunAfter(kolkata, at("2026-11-25T02:00:00Z"))?.toISOString()).toBe("2026-11-25T03:00:00.000Z");
    expect(nextRunAfter(kolkata, at("2026-11-25T03:00:00Z"))?.toISOString()).toBe("2026-11-26T03:00:00.000Z");
  });
});
