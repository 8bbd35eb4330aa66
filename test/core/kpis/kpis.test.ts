import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dailyKpis, kpiSummary } from "../../../src/core/kpis/kpis.ts";
import { refreshDailyRollup } from "../../../src/core/kpis/rollup.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";

/**
 * A hand-made week (IST): orders on 1st, 2nd, 4th (none on the 3rd), spend on 1st and 3rd
 * (none on 2nd and 4th), a cancelled order, an order placed at 23:30 IST (still the 1st in IST,
 * the 1st in UTC too) and one at 00:30 IST on the 2nd (the 1st in UTC).
 */
const ORDERS: Array<[string, string, string, string | null, string, number]> = [
  // id, placed (IST), promised (IST), actual (IST), status, total
  ["o1", "2024-07-01 10:00", "2024-07-01 10:15", "2024-07-01 10:12", "On Time", 500],
  ["o2", "2024-07-01 23:30", "2024-07-01 23:45", "2024-07-01 23:55", "Slightly Delayed", 300],
  ["o3", "2024-07-02 00:30", "2024-07-02 00:45", "2024-07-02 01:15", "Significantly Delayed", 200],
  ["o4", "2024-07-02 12:00", "2024-07-02 12:10", null, "Cancelled", 999],
  ["o5", "2024-07-04 18:00", "2024-07-04 18:20", "2024-07-04 18:20", "On Time", 1000],
];
const MARKETING: Array<[string, string, number, number]> = [
  // campaign, date, spend, attributed revenue
  ["c1", "2024-07-01", 100, 400],
  ["c2", "2024-07-01", 150, 100],
  ["c1", "2024-07-03", 50, 20],
  ["c3", "2024-07-04", 0, 0],
];

async function seed(t: TestDb) {
  await t.db.query("insert into customers (customer_id, area) values ('u1', 'Bengaluru')");
  for (const [id, placed, promised, actual, status, total] of ORDERS) {
    await t.db.query(
      `insert into orders (order_id, customer_id, order_date, promised_delivery_time, actual_delivery_time, delivery_status, order_total)
       values ($1, 'u1', ($2::timestamp at time zone 'Asia/Kolkata'), ($3::timestamp at time zone 'Asia/Kolkata'),
               ($4::timestamp at time zone 'Asia/Kolkata'), $5, $6)`,
      [id, placed, promised, actual, status, total],
    );
  }
  for (const [campaign, date, spend, revenue] of MARKETING) {
    await t.db.query(
      "insert into marketing_performance (campaign_id, date, spend, revenue_generated) values ($1, $2, $3, $4)",
      [campaign, date, spend, revenue],
    );
  }
  await t.db.query(
    "insert into customer_feedback (feedback_id, order_id, customer_id, rating, feedback_text) values ('f1', 'o3', 'u1', 1, 'late'), ('f2', 'o5', 'u1', 5, 'great')",
  );
  await refreshDailyRollup(t.db);
}

describe.each(ENGINES)("master_analytical_view and kpis on %s", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await seed(t);
  });
  afterAll(() => t.dispose());

  it("has one row per calendar day, with zeros for missing days and NULL ROAS without spend", async () => {
    const days = await dailyKpis(t.db, { from: "2024-07-01", to: "2024-07-04", days: 4 });
    expect(days.map((d) => d.day)).toEqual(["2024-07-01", "2024-07-02", "2024-07-03", "2024-07-04"]);
    const [d1, d2, d3, d4] = days;
    expect(d1).toMatchObject({ orders: 2, revenue: 800, spend: 250, roas: 3.2, attributedRevenue: 500 });
    // The 00:30 IST order belongs to the 2nd; the cancelled one is counted apart, not as revenue.
    expect(d2).toMatchObject({ orders: 1, cancelledOrders: 1, revenue: 200, spend: 0, roas: null });
    expect(d3).toMatchObject({ orders: 0, revenue: 0, spend: 50, roas: 0, avgOrderValue: null });
    expect(d4).toMatchObject({ orders: 1, revenue: 1000, spend: 0, roas: null, lateRate: 0 });
    expect(d2?.avgDelayMinutesAllOrders).toBe(30);
    expect(d1?.lateOrders).toBe(1);
    expect(d1?.avgDelayMinutesAllOrders).toBe(5);
  });

  it("agrees with the live view", async () => {
    const range = { from: "2024-07-01", to: "2024-07-04", days: 4 };
    expect(await dailyKpis(t.db, range, { source: "view" })).toEqual(await dailyKpis(t.db, range));
  });

  it("summarises a range as ratios of sums, with the previous period", async () => {
    const summary = await kpiSummary(t.db, { kind: "last", days: 2 });
    expect(summary.range).toEqual({ from: "2024-07-03", to: "2024-07-04", days: 2 });
    expect(summary.previousRange).toEqual({ from: "2024-07-01", to: "2024-07-02", days: 2 });
    expect(summary.current).toMatchObject({
      revenue: 1000,
      spend: 50,
      roas: 20,
      orders: 1,
      zeroSpendDays: 1,
    });
    expect(summary.previous).toMatchObject({
      revenue: 1000,
      spend: 250,
      roas: 4,
      orders: 3,
      cancelledOrders: 1,
    });
    // Independent computation from the raw rows above: delays past promise 0, 10, 30 → mean 40/3.
    expect(summary.previous.avgDelayMinutes).toBeCloseTo(40 / 3, 6);
    expect(summary.previous.avgDelayMinutesLate).toBe(20);
    expect(summary.previous.lateRate).toBeCloseTo(2 / 3, 6);
    expect(summary.previous.avgRating).toBe(1);
  });

  it("gives NULL ROAS for a period with no spend at all", async () => {
    const summary = await kpiSummary(t.db, { kind: "between", from: "2024-07-02", to: "2024-07-02" });
    expect(summary.current.roas).toBeNull();
    expect(summary.current.revenue).toBe(200);
  });
});
