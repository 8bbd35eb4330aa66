import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/commands/answer.ts";
import { composeDigest } from "../../../src/core/digest/compose.ts";
import { type DigestSources, SourceUnavailableError } from "../../../src/core/digest/sources.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { clearData, seedDays } from "./seed.ts";

const REPORT_DATE = "2026-11-25";
/** A steady fortnight: ₹30,000 revenue on ₹10,000 spend, 20% late, one bad review a day. */
const NORMAL = { from: "2026-11-10", to: "2026-11-23", orders: 30, late: 6, spend: 10_000, negative: 1 };

const section = (answer: Answer, heading: string) =>
  answer.sections.find((s) => s.heading.startsWith(heading))?.lines ?? [];
const fact = (answer: Answer, label: string) => answer.facts.find((f) => f.label === label);
const alertTexts = (answer: Answer) => answer.insights.filter((i) => i.level !== "info").map((i) => i.text);

describe.each(ENGINES)("composeDigest on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  beforeEach(() => clearData(t.db));
  afterAll(() => t.dispose());

  it("says there is no data on an empty database, with every section present", async () => {
    const digest = await composeDigest(t.db, {}, REPORT_DATE);
    expect(digest.error).toBeUndefined();
    expect(digest.title).toBe("Morning digest — 2026-11-25");
    expect(digest.facts).toEqual([]);
    expect(digest.chart).toBeUndefined();
    expect(section(digest, "Yesterday")).toEqual(["There is no order or marketing data loaded yet."]);
    expect(section(digest, "Revenue vs marketing spend")[0]).toMatch(/no chart/);
    expect(section(digest, "Today's delivery-delay hotspots")[0]).toMatch(/^Not available yet/);
    expect(section(digest, "Top complaint theme")[0]).toMatch(/^Not available yet/);
    expect(digest.insights).toEqual([{ level: "info", text: expect.stringMatching(/no data/) }]);
    expect(digest.warnings.join(" ")).toMatch(/blinkit data import/);
    expect(digest.actions).toEqual([]);
  });

  it("compares yesterday with the 7-day average and raises each alert with its reason", async () => {
    await seedDays(t.db, NORMAL);
    // Yesterday: spend tripled, revenue flat, half the orders late, six bad reviews in the South.
    await seedDays(t.db, {
      from: "2026-11-24",
      to: "2026-11-24",
      orders: 30,
      late: 15,
      spend: 30_000,
      negative: 6,
    });
    const digest = await composeDigest(t.db, {}, REPORT_DATE);

    expect(digest.subtitle).toMatch(/^Yesterday \(2026-11-24\).*2026-11-17 to 2026-11-23/);
    expect(fact(digest, "Revenue")).toMatchObject({ value: 30_000, previous: 30_000 });
    expect(fact(digest, "Marketing spend")).toMatchObject({ value: 30_000, previous: 10_000 });
    expect(fact(digest, "ROAS")).toMatchObject({ value: 1, previous: 3 });
    expect(fact(digest, "Late rate")?.value).toBeCloseTo(0.5, 9);
    expect(fact(digest, "Late rate")?.previous).toBeCloseTo(0.2, 9);
    // Early deliveries count as 0 minutes: 15 of 30 orders 10 minutes late → 5 minutes on average.
    expect(fact(digest, "Average delivery delay")).toMatchObject({ value: 5, previous: 2 });

    const alerts = alertTexts(digest);
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatch(/ROAS was 1\.00×.*below the 2\.00× target/);
    expect(alerts[1]).toMatch(/Spend up while revenue flat.*\+200\.0%/);
    expect(alerts[2]).toMatch(/Late deliveries rose to 50\.0%.*30\.0 pts above the 4-week norm of 20\.0%/);
    expect(alerts[3]).toMatch(/South zone: 6 reviews.*6\.0× its 4-week norm of 1\.0 a day/);

    // The last 30 days, of which the data covers 15.
    expect(digest.chart?.labels[0]).toBe("2026-11-10");
    expect(digest.chart?.labels.at(-1)).toBe("2026-11-24");
    expect(digest.chart?.series.find((s) => s.label === "Marketing spend")?.values.at(-1)).toBe(30_000);
    expect(digest.actions).toEqual([
      { id: "digest_details", label: "Details: last 7 days", command: "/roas 7d", primary: true },
    ]);
    expect(digest.warnings).toEqual([]);
  });

  it("raises no alert on an ordinary day, and says so", async () => {
    await seedDays(t.db, { ...NORMAL, to: "2026-11-24" });
    const digest = await composeDigest(t.db, { thresholds: { ...defaultsWithTarget(2.5) } }, REPORT_DATE);
    expect(alertTexts(digest)).toEqual([]);
    expect(digest.insights[0]?.text).toMatch(/^No alerts/);
  });

  it("takes thresholds from its options", async () => {
    await seedDays(t.db, { ...NORMAL, to: "2026-11-24" });
    const digest = await composeDigest(t.db, { thresholds: defaultsWithTarget(3.5) }, REPORT_DATE);
    expect(alertTexts(digest)).toEqual([expect.stringMatching(/ROAS was 3\.00×.*below the 3\.50× target/)]);
  });

  it("reports the latest day with data when yesterday has none, and says so", async () => {
    await seedDays(t.db, NORMAL);
    const digest = await composeDigest(t.db, {}, REPORT_DATE);
    expect(digest.subtitle).toMatch(/^Latest day with data \(2026-11-23\)/);
    expect(digest.warnings[0]).toMatch(
      /No data for yesterday \(2026-11-24\).*latest day with data is 2026-11-23/,
    );
    expect(fact(digest, "Revenue")?.value).toBe(30_000);
  });

  it("shows only the subscribed sections", async () => {
    await seedDays(t.db, { ...NORMAL, to: "2026-11-24" });
    const digest = await composeDigest(t.db, { sections: ["kpis"] }, REPORT_DATE);
    expect(digest.facts).toHaveLength(6);
    expect(digest.chart).toBeUndefined();
    expect(digest.insights).toEqual([]);
    expect(digest.sections).toEqual([]);
  });

  it("lists hotspots and the complaint theme from its sources, and survives their failures", async () => {
    await seedDays(t.db, { ...NORMAL, to: "2026-11-24" });
    const asked: unknown[] = [];
    const sources: DigestSources = {
      hotspots: async (day, limit) => {
        asked.push({ day, limit });
        return {
          hotspots: [{ area: "Koramangala", hour: 19, probability: 0.62, expectedOrders: 14.2 }],
          notes: ["The model is only fairly reliable."],
        };
      },
      complaintTheme: async (range) => {
        asked.push(range);
        return {
          theme: "late delivery",
          count: 42,
          total: 120,
          quotes: [
            { id: "f1", text: "Came an hour late", date: "2026-11-23", area: "Bengaluru", rating: 1 },
            { id: "f2", text: "Late again", date: "2026-11-24", area: "Bengaluru", rating: 2 },
          ],
        };
      },
    };
    const digest = await composeDigest(t.db, { sources }, REPORT_DATE);
    expect(asked).toEqual([
      { day: REPORT_DATE, limit: 5 },
      { from: "2026-11-18", to: "2026-11-24" },
    ]);
    expect(section(digest, "Today's delivery-delay hotspots")).toEqual([
      "1. Koramangala, 19:00–20:00: 62% predicted late risk, usually ~14 orders",
      "The model is only fairly reliable.",
    ]);
    expect(section(digest, "Top complaint theme")).toEqual([
      "“late delivery” — 42 complaints of 120 (35%) between 2026-11-18 and 2026-11-24.",
    ]);
    expect(digest.quotes.map((q) => q.id)).toEqual(["f1", "f2"]);

    const failing = await composeDigest(
      t.db,
      {
        sources: {
          hotspots: async () => {
            throw new SourceUnavailableError("No delay model is trained yet: run `blinkit model train`.");
          },
          complaintTheme: async () => {
            throw new Error("connection reset");
          },
        },
      },
      REPORT_DATE,
    );
    expect(section(failing, "Today's delivery-delay hotspots")).toEqual([
      "No delay model is trained yet: run `blinkit model train`.",
    ]);
    expect(section(failing, "Top complaint theme")).toEqual([
      "Couldn't get feedback themes: connection reset.",
    ]);
    expect(failing.warnings).toEqual([expect.stringMatching(/connection reset.*logs/)]);
  });
});

function defaultsWithTarget(roasTarget: number) {
  return {
    roasTarget,
    spendRise: 0.2,
    revenueFlatBand: 0.05,
    lateRateRisePoints: 0.05,
    lateRateMinOrders: 20,
    negativeSpikeRatio: 2,
    negativeSpikeMinCount: 5,
    hotspotCount: 5,
  };
}
