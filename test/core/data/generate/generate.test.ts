import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREAS } from "../../../../src/core/data/generate/areas.ts";
import { dayFromIsoDate, isoDate, weekday } from "../../../../src/core/data/generate/calendar.ts";
import { type GenerateSummary, generateDataset } from "../../../../src/core/data/generate/generate.ts";
import {
  FEEDBACK_CATEGORY,
  type PlantedIncident,
  plantedIncidents,
} from "../../../../src/core/data/generate/incidents.ts";
import { areaEffects, lateProbability, rushHourCities } from "../../../../src/core/data/generate/lateness.ts";
import {
  BLINKIT_FILES,
  FEEDBACK_CAUSES_FILE,
  PLANTED_INCIDENTS_FILE,
} from "../../../../src/core/data/generate/layout.ts";
import {
  type CsvRow,
  type Dataset,
  dayOf,
  hourOf,
  isLate,
  promisedMinutes,
  rateBy,
  readDataset,
  rocAuc,
} from "./dataset.ts";

const OPTIONS = { seed: 11, orders: 20_000, days: 120, endDate: "2026-11-20" };
const paise = (money: string | undefined): number => Math.round(Number(money) * 100);

describe("generateDataset", () => {
  let dir: string;
  let summary: GenerateSummary;
  let data: Dataset;
  let delivered: CsvRow[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "blinkit-generate-"));
    summary = await generateDataset(OPTIONS, dir, (done, total) => progress.push([done, total]));
    data = readDataset(dir);
    delivered = data.rows.orders.filter((o) => o.delivery_status !== "Cancelled");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes the eight files with exactly the export's headers and reports their row counts", () => {
    for (const [key, spec] of Object.entries(BLINKIT_FILES)) {
      expect(data.headers[key as keyof typeof BLINKIT_FILES]).toEqual(spec.header);
      expect(summary.rows[spec.file]).toBe(data.rows[key as keyof typeof BLINKIT_FILES].length);
    }
    expect(data.rows.orders).toHaveLength(OPTIONS.orders);
    expect(summary).toMatchObject({ from: "2026-07-24", to: "2026-11-20", days: 120 });
    expect(progress.at(-1)).toEqual([OPTIONS.orders, OPTIONS.orders]);
  });

  it("keeps every row valid: formats, keys and totals that add up", () => {
    const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    const us = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/;
    const registered = new Map(
      data.rows.customers.map((c) => [c.customer_id, c.registration_date as string]),
    );
    const itemTotals = new Map<string, number>();
    const itemKeys = new Set<string>();
    for (const item of data.rows.orderItems) {
      const id = item.order_id as string;
      itemTotals.set(id, (itemTotals.get(id) ?? 0) + Number(item.quantity) * paise(item.unit_price));
      itemKeys.add(`${id}/${item.product_id}`);
    }
    expect(itemKeys.size).toBe(data.rows.orderItems.length);

    const bad: string[] = [];
    for (const o of data.rows.orders) {
      const cancelled = o.delivery_status === "Cancelled";
      if (!iso.test(o.order_date ?? "") || !iso.test(o.promised_delivery_time ?? ""))
        bad.push(`times ${o.order_id}`);
      if (cancelled ? o.actual_delivery_time !== "" : !iso.test(o.actual_delivery_time ?? ""))
        bad.push(`actual ${o.order_id}`);
      if (paise(o.order_total) !== itemTotals.get(o.order_id as string)) bad.push(`total ${o.order_id}`);
      const signedUp = registered.get(o.customer_id);
      if (signedUp === undefined || dayOf(o.order_date as string) < signedUp)
        bad.push(`customer ${o.order_id}`);
    }
    for (const d of data.rows.delivery) {
      if (!us.test(d.promised_time ?? "")) bad.push(`promised_time ${d.order_id}`);
      if (d.delivery_status !== data.orderById.get(d.order_id as string)?.delivery_status)
        bad.push(`status ${d.order_id}`);
      if (d.delivery_status !== "Cancelled" && !us.test(d.actual_time ?? ""))
        bad.push(`actual_time ${d.order_id}`);
    }
    for (const c of data.rows.customers) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(c.registration_date ?? "")) bad.push(`registration ${c.customer_id}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("puts customers in the listed cities, with some multi-line quoted addresses", () => {
    const names = new Set(AREAS.map((a) => a.name));
    expect(data.rows.customers.every((c) => names.has(c.area as string))).toBe(true);
    expect(data.rows.customers.some((c) => (c.address as string).includes("\n"))).toBe(true);
    expect(
      new Set(data.rows.customers.map((c) => data.zoneOfCustomer.get(c.customer_id as string))).size,
    ).toBe(6);
  });

  it("cancels about 2-3 % of orders and matches statuses to lateness", () => {
    const cancelled = data.rows.orders.length - delivered.length;
    expect(cancelled / data.rows.orders.length).toBeGreaterThan(0.015);
    expect(cancelled / data.rows.orders.length).toBeLessThan(0.035);
    for (const o of delivered) {
      const late = isLate(o);
      expect(o.delivery_status === "On Time").toBe(!late);
    }
  });

  it("makes lateness depend on hour, weekday, zone and promised minutes", () => {
    const byHour = rateBy(
      delivered,
      (o) =>
        hourOf(o.order_date as string) >= 18
          ? "evening"
          : hourOf(o.order_date as string) >= 11 && hourOf(o.order_date as string) < 17
            ? "afternoon"
            : "other",
      isLate,
    );
    expect((byHour.get("evening") ?? 0) - (byHour.get("afternoon") ?? 0)).toBeGreaterThan(0.12);

    const byWeekend = rateBy(
      delivered,
      (o) =>
        [0, 6].includes(weekday(dayFromIsoDate(dayOf(o.order_date as string)))) ? "weekend" : "weekday",
      isLate,
    );
    expect((byWeekend.get("weekend") ?? 0) - (byWeekend.get("weekday") ?? 0)).toBeGreaterThan(0.06);

    const byPromise = rateBy(delivered, promisedMinutes, isLate);
    expect([...byPromise.keys()].sort()).toEqual([10, 15, 20, 30]);
    expect((byPromise.get(10) ?? 0) - (byPromise.get(30) ?? 0)).toBeGreaterThan(0.25);

    const byZone = rateBy(delivered, (o) => data.zoneOfCustomer.get(o.customer_id as string) ?? "?", isLate);
    expect((byZone.get("North-East") ?? 0) - (byZone.get("Central") ?? 0)).toBeGreaterThan(0.12);

    // Noisy, not deterministic: even the best slot is late sometimes and the worst is on time sometimes.
    const overall = delivered.filter(isLate).length / delivered.length;
    expect(overall).toBeGreaterThan(0.2);
    expect(overall).toBeLessThan(0.45);
  });

  it("leaves enough noise that the four pre-dispatch features rank lateness well but not perfectly", () => {
    // The generator's own log-odds from hour, weekday, city and promise are the best any model can learn.
    const effects = areaEffects(OPTIONS.seed);
    const rushHour = rushHourCities();
    const areaIndex = new Map(AREAS.map((a, i) => [a.name, i]));
    const areaOf = (o: CsvRow) => data.areaOfCustomer.get(o.customer_id as string) ?? "";
    const best = rocAuc(
      delivered.map((o) => ({
        label: isLate(o),
        score: lateProbability({
          hour: hourOf(o.order_date as string),
          weekday: weekday(dayFromIsoDate(dayOf(o.order_date as string))),
          areaEffect: effects[areaIndex.get(areaOf(o)) ?? -1] ?? Number.NaN,
          rushHourCity: rushHour[areaIndex.get(areaOf(o)) ?? -1] === 1,
          promisedMinutes: promisedMinutes(o),
          hiddenLogit: 0,
        }),
      })),
    );
    expect(best).toBeGreaterThan(0.72);
    expect(best).toBeLessThan(0.84);
    // The area alone (the baseline) ranks clearly worse than all four features.
    const areaRate = rateBy(delivered, areaOf, isLate);
    const areaOnly = rocAuc(
      delivered.map((o) => ({ label: isLate(o), score: areaRate.get(areaOf(o)) ?? 0 })),
    );
    expect(best - areaOnly).toBeGreaterThan(0.08);
  });

  it("leaves feedback on 15-25 % of delivered orders, sentiment matching rating, in varied language", () => {
    const feedback = data.rows.feedback;
    expect(feedback.length / delivered.length).toBeGreaterThan(0.15);
    expect(feedback.length / delivered.length).toBeLessThan(0.25);
    for (const f of feedback) {
      const rating = Number(f.rating);
      expect(f.sentiment).toBe(rating >= 4 ? "Positive" : rating === 3 ? "Neutral" : "Negative");
      expect(data.orderById.get(f.order_id as string)?.delivery_status).not.toBe("Cancelled");
      expect(
        (f.feedback_date as string) >= dayOf(data.orderById.get(f.order_id as string)?.order_date ?? ""),
      ).toBe(true);
      expect((f.feedback_date as string) <= OPTIONS.endDate).toBe(true);
    }
    const texts = new Map<string, number>();
    for (const f of feedback)
      texts.set(f.feedback_text as string, (texts.get(f.feedback_text as string) ?? 0) + 1);
    expect(texts.size).toBeGreaterThan(1000);
    expect(Math.max(...texts.values())).toBeGreaterThan(30); // "Good", "Fast delivery"…
    expect(new Set(feedback.map((f) => f.feedback_category))).toEqual(
      new Set(Object.values(FEEDBACK_CATEGORY)),
    );
  });

  it("late orders draw worse ratings than on-time orders", () => {
    const avg = (rows: CsvRow[]) => rows.reduce((s, f) => s + Number(f.rating), 0) / rows.length;
    const late = data.rows.feedback.filter((f) => isLate(data.orderById.get(f.order_id as string) ?? {}));
    const onTime = data.rows.feedback.filter((f) => !isLate(data.orderById.get(f.order_id as string) ?? {}));
    expect(avg(onTime) - avg(late)).toBeGreaterThan(0.8);
  });

  it("has days with no campaign rows and days whose campaigns all spent nothing, with consistent ROAS", () => {
    const byDay = new Map<string, CsvRow[]>();
    for (const m of data.rows.marketing)
      byDay.set(m.date as string, [...(byDay.get(m.date as string) ?? []), m]);
    const allDays = Array.from({ length: OPTIONS.days }, (_, i) => isoDate(dayFromIsoDate(summary.from) + i));
    expect(allDays.filter((d) => !byDay.has(d)).length).toBeGreaterThanOrEqual(2);
    expect(
      [...byDay.values()].filter((rows) => rows.every((m) => paise(m.spend) === 0)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(Math.max(...[...byDay.values()].map((r) => r.length))).toBeGreaterThanOrEqual(4);
    expect(new Set(data.rows.marketing.map((m) => m.channel)).size).toBeGreaterThanOrEqual(6);
    for (const m of data.rows.marketing) {
      if (paise(m.spend) === 0) expect(m.roas).toBe("");
      else expect(Number(m.roas)).toBeCloseTo(Number(m.revenue_generated) / Number(m.spend), 2);
    }
  });

  it("plants a spend surge while order revenue stays flat", () => {
    const surge = incident("spend-surge-flat-sales");
    const inWindow = (d: string, from: string, to: string) => d >= from && d <= to;
    const before = [
      isoDate(dayFromIsoDate(surge.start) - 28),
      isoDate(dayFromIsoDate(surge.start) - 1),
    ] as const;
    const spend = (from: string, to: string) =>
      data.rows.marketing
        .filter((m) => inWindow(m.date as string, from, to))
        .reduce((s, m) => s + paise(m.spend), 0);
    const revenue = (from: string, to: string) =>
      delivered
        .filter((o) => inWindow(dayOf(o.order_date as string), from, to))
        .reduce((s, o) => s + paise(o.order_total), 0);
    const days = (from: string, to: string) => dayFromIsoDate(to) - dayFromIsoDate(from) + 1;
    const spendRatio = spend(surge.start, surge.end) / days(surge.start, surge.end) / (spend(...before) / 28);
    const revenueRatio =
      revenue(surge.start, surge.end) / days(surge.start, surge.end) / (revenue(...before) / 28);
    expect(spendRatio).toBeGreaterThan(2);
    expect(revenueRatio).toBeGreaterThan(0.85);
    expect(revenueRatio).toBeLessThan(1.2);
  });

  it("makes negative feedback about each planted cause spike in its zone or city and period", () => {
    const complaints = plantedIncidents(OPTIONS).filter((i) => i.kind === "complaints");
    expect(complaints.length).toBeGreaterThanOrEqual(10);
    for (const inc of complaints) {
      const areas = new Set(inc.areas);
      const categories = new Set(inc.causes.map((c) => FEEDBACK_CATEGORY[c]));
      const orderDay = (f: CsvRow) => dayOf(data.orderById.get(f.order_id as string)?.order_date ?? "");
      const inPeriod = (day: string) => day >= inc.start && day <= inc.end;
      const local = (o: CsvRow) => areas.has(data.areaOfCustomer.get(o.customer_id as string) ?? "");
      const rate = (period: boolean) => {
        const orders = delivered.filter(
          (o) => local(o) && inPeriod(dayOf(o.order_date as string)) === period,
        ).length;
        const hits = data.rows.feedback.filter(
          (f) =>
            Number(f.rating) <= 2 &&
            categories.has(f.feedback_category as string) &&
            local(f) &&
            inPeriod(orderDay(f)) === period,
        ).length;
        return hits / orders;
      };
      expect(rate(true), inc.id).toBeGreaterThan(3 * rate(false));
    }
  });

  it("plants the South-zone month of late deliveries and damaged packaging", () => {
    const south = incident("south-late-damaged-month");
    expect(south).toMatchObject({ zone: "South", causes: ["late_delivery", "damaged_packaging"] });
    expect(south.start.endsWith("-01")).toBe(true);
    const inSouth = (o: CsvRow) => data.zoneOfCustomer.get(o.customer_id as string) === "South";
    const late = (period: boolean) =>
      rateBy(
        delivered.filter(inSouth),
        (o) =>
          String(dayOf(o.order_date as string) >= south.start && dayOf(o.order_date as string) <= south.end),
        isLate,
      ).get(String(period)) ?? 0;
    expect(late(true) - late(false)).toBeGreaterThan(0.1);
  });

  it("drops West-zone orders about 40 % on the last day, with late-delivery complaints that day", () => {
    const drop = incident("west-sales-drop-last-day");
    expect(drop).toMatchObject({
      kind: "sales_drop",
      zone: "West",
      start: OPTIONS.endDate,
      end: OPTIONS.endDate,
    });
    const count = (day: string, west: boolean) =>
      data.rows.orders.filter(
        (o) =>
          dayOf(o.order_date as string) === day &&
          (data.zoneOfCustomer.get(o.customer_id as string) === "West") === west,
      ).length;
    const sameWeekday = [7, 14, 21, 28].map((k) => isoDate(dayFromIsoDate(OPTIONS.endDate) - k));
    const baseline = (west: boolean) => sameWeekday.reduce((s, d) => s + count(d, west), 0) / 4;
    expect(count(OPTIONS.endDate, true) / baseline(true)).toBeLessThan(0.75);
    expect(count(OPTIONS.endDate, false) / baseline(false)).toBeGreaterThan(0.8);
    const lastDayWestLate = data.rows.feedback.filter(
      (f) =>
        f.feedback_date === OPTIONS.endDate &&
        data.zoneOfCustomer.get(f.customer_id as string) === "West" &&
        f.feedback_category === "Delivery" &&
        Number(f.rating) <= 2,
    );
    expect(lastDayWestLate.length).toBeGreaterThanOrEqual(3);
  });

  it("writes the planted incidents next to the CSVs", async () => {
    const file = JSON.parse(await readFile(join(dir, PLANTED_INCIDENTS_FILE), "utf8"));
    expect(file.incidents).toEqual(plantedIncidents(OPTIONS));
  });

  it("writes the cause of every complaint, matching its category, as an answer key", async () => {
    const key = JSON.parse(await readFile(join(dir, FEEDBACK_CAUSES_FILE), "utf8")) as Record<
      keyof typeof FEEDBACK_CATEGORY,
      number[]
    >;
    const byId = new Map(data.rows.feedback.map((f) => [Number(f.feedback_id), f]));
    const keyed = new Set<number>();
    for (const [cause, ids] of Object.entries(key) as [keyof typeof FEEDBACK_CATEGORY, number[]][]) {
      for (const id of ids) {
        expect(keyed.has(id), `feedback ${id} has two causes`).toBe(false);
        keyed.add(id);
        expect(byId.get(id)?.feedback_category).toBe(FEEDBACK_CATEGORY[cause]);
      }
    }
    // Every complaint (rating 1-2) has a cause; praise (4-5) never does.
    for (const f of data.rows.feedback) {
      const rating = Number(f.rating);
      if (rating <= 2) expect(keyed.has(Number(f.feedback_id)), f.feedback_text).toBe(true);
      if (rating >= 4) expect(keyed.has(Number(f.feedback_id))).toBe(false);
    }
    const lateIds = new Set(key.late_delivery);
    const lateTexts = data.rows.feedback.filter((f) => lateIds.has(Number(f.feedback_id)));
    expect(lateTexts.every((f) => isLate(data.orderById.get(f.order_id as string) ?? {}))).toBe(true);
  });

  function incident(id: string): PlantedIncident {
    const found = plantedIncidents(OPTIONS).find((i) => i.id === id);
    if (!found) throw new Error(`incident ${id} not planted`);
    return found;
  }
});
