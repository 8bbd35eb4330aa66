import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/commands/context.ts";
import { createRegistry } from "../../../src/core/commands/index.ts";
import { DIGEST_SERVICE, digestService } from "../../../src/core/digest/service.ts";
import { listStoredSubscriptions } from "../../../src/core/digest/subscriptions.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { clearData, seedDays } from "./seed.ts";

/** 10:00 IST on 2026-11-25. */
const NOW = new Date("2026-11-25T04:30:00Z");

describe.each(ENGINES)("/digest on %s", (engine) => {
  let t: TestDb;
  const registry = createRegistry();
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  beforeEach(async () => {
    await t.db.exec("truncate digest_runs, digest_subscriptions");
    await clearData(t.db);
  });
  afterAll(() => t.dispose());

  const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
    db: t.db,
    settings: { timeZone: "Asia/Kolkata", modelPath: "/nonexistent/model.json" },
    services: {},
    now: () => NOW,
    requester: "U42",
    channel: "C0SALES01",
    ...overrides,
  });
  const run = (line: string, overrides: Partial<CommandContext> = {}) =>
    registry.runLine(line, context(overrides));

  it("subscribes the channel it is typed in, then updates it", async () => {
    const first = await run("/digest subscribe 08:30");
    expect(first.error).toBeUndefined();
    expect(first.title).toBe("Morning digest subscribed");
    expect(first.subtitle).toBe("This channel gets the digest every day at 08:30 Asia/Kolkata.");
    // 10:00 IST is past today's 08:30, so the next one is tomorrow's.
    expect(first.sections[0]?.lines[0]).toBe("Next digest: 2026-11-26 08:30 Asia/Kolkata");

    const second = await run("/digest subscribe 07:45 Europe/London sections=kpis,alerts");
    expect(second.title).toBe("Morning digest updated");
    expect(await listStoredSubscriptions(t.db)).toEqual([
      {
        channel: "C0SALES01",
        localTime: "07:45",
        timeZone: "Europe/London",
        sections: ["kpis", "alerts"],
        createdBy: "U42",
        source: "command",
        since: NOW,
      },
    ]);
  });

  it("asks for a channel in the console", async () => {
    const answer = await run("/digest subscribe 08:30", { channel: undefined, requester: "console" });
    expect(answer.error?.message).toBe("I don't know which channel to send the digest to.");
    expect(answer.error?.hint).toMatch(/#kpis/);
    const named = await run("/digest subscribe 08:30 #kpis", { channel: undefined, requester: "console" });
    expect(named.subtitle).toBe("#kpis gets the digest every day at 08:30 Asia/Kolkata.");
  });

  it("unsubscribes, and says so when there was nothing to remove", async () => {
    await run("/digest subscribe 08:30");
    const removed = await run("/digest unsubscribe");
    expect(removed.title).toBe("Morning digest unsubscribed");
    expect(await listStoredSubscriptions(t.db)).toEqual([]);
    const again = await run("/digest unsubscribe");
    expect(again.error?.message).toBe("This channel isn't subscribed to the digest.");
  });

  it("lists subscriptions with the configured default channel and the last run", async () => {
    const services = {
      [DIGEST_SERVICE]: digestService({ channel: "#kpis", time: "9:00", timeZone: "UTC" }),
    };
    await run("/digest subscribe 08:30", { services });
    await t.db.query(
      `insert into digest_runs (channel, report_date, status, attempts, scheduled_for, claimed_by, claimed_at, lease_until, last_error)
       values ('C0SALES01', '2026-11-25', 'failed', 4, now(), 'w', now(), now(), 'channel_not_found')`,
    );
    const list = await run("/digest list", { services });
    expect(list.visibility).toBe("ephemeral");
    expect(list.tables[0]?.rows).toEqual([
      ["#kpis", "09:00", "UTC", "all", "2026-11-25 09:00 UTC", "none yet", "configuration"],
      [
        "C0SALES01",
        "08:30",
        "Asia/Kolkata",
        "all",
        "2026-11-26 08:30 Asia/Kolkata",
        "2026-11-25: failed after 4 attempts (channel_not_found)",
        "U42",
      ],
    ]);
    const unsubscribeDefault = await run("/digest unsubscribe #kpis", { services });
    expect(unsubscribeDefault.error?.message).toMatch(/configuration \(DIGEST_CHANNEL\)/);
  });

  it("says when nothing is subscribed", async () => {
    const list = await run("/digest list");
    expect(list.title).toBe("No channel gets the morning digest yet");
  });

  it("previews today's digest privately, in terminal mode too", async () => {
    await run("/digest subscribe 08:30 sections=kpis,hotspots");
    const preview = await run("/digest preview");
    expect(preview.visibility).toBe("ephemeral");
    expect(preview.title).toBe("Morning digest — 2026-11-25");
    expect(preview.warnings[0]).toMatch(/^Preview: only you can see this. This channel gets it at 08:30/);
    // The subscription's sections: the KPI part (no data yet) and hotspots (no model trained).
    expect(preview.sections.map((s) => s.heading)).toEqual([
      "Yesterday vs the 7-day average",
      "Today's delivery-delay hotspots",
    ]);
    expect(preview.sections[1]?.lines[0]).toMatch(/No delivery-delay model has been trained yet/);

    const terminal = await run("/digest preview 2026-11-20", { channel: undefined, requester: "console" });
    expect(terminal.title).toBe("Morning digest — 2026-11-20");
    expect(terminal.sections.map((s) => s.heading)).toHaveLength(4);
  });

  it("previews with the real sources: the week's top complaint theme from the feedback", async () => {
    await seedDays(t.db, {
      from: "2026-11-10",
      to: "2026-11-24",
      orders: 10,
      late: 2,
      spend: 3_000,
      negative: 1,
    });
    const preview = await run("/digest preview");
    const complaints = preview.sections.find((s) => s.heading.startsWith("Top complaint theme"));
    expect(complaints?.lines).toEqual([
      "“Late or slow delivery” — 7 complaints of 7 (100%) between 2026-11-18 and 2026-11-24.",
    ]);
    expect(preview.quotes[0]?.text).toMatch(/late again/);
    expect(preview.facts.find((f) => f.label === "Revenue")?.value).toBe(10_000);
  });

  it("explains a bad command line", async () => {
    const answer = await run("/digest subscribe half past eight");
    expect(answer.error?.message).toBe('I don\'t understand "half".');
    expect(answer.error?.hint).toMatch(/\/digest subscribe 08:30/);
  });
});
