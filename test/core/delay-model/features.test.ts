import { describe, expect, it } from "vitest";
import {
  encodeOrder,
  featureColumns,
  fitEncoding,
  isKnownArea,
  PRE_DISPATCH_KEYS,
  type PreDispatchOrder,
  preDispatchFromRow,
} from "../../../src/core/delay-model/features.ts";

const orders: PreDispatchOrder[] = [
  { hourOfDay: 9, dayOfWeek: 1, area: "Delhi", promisedMinutes: 15 },
  { hourOfDay: 21, dayOfWeek: 6, area: "HSR Layout", promisedMinutes: 10 },
  { hourOfDay: 22, dayOfWeek: 6, area: "hsr  layout ", promisedMinutes: 10 },
  { hourOfDay: 12, dayOfWeek: 3, area: null, promisedMinutes: 20 },
];
const labels = [0, 1, 1, 0];

describe("leakage guard", () => {
  it("reads nothing but the pre-dispatch columns of a row", () => {
    const row = {
      hour_of_day: 21,
      day_of_week: 6,
      area: "HSR Layout",
      promised_minutes: 10,
      actual_delivery_time: new Date(),
      distance_km: 3.2,
      reasons_if_delayed: "Traffic",
      delivery_status: "Significantly Delayed",
      feedback_text: "late again",
      is_late: true,
    };
    const read: string[] = [];
    const spy = new Proxy(row, {
      get(target, key, receiver) {
        read.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    expect(preDispatchFromRow(spy)).toEqual({
      hourOfDay: 21,
      dayOfWeek: 6,
      area: "HSR Layout",
      promisedMinutes: 10,
    });
    expect(new Set(read)).toEqual(new Set(PRE_DISPATCH_KEYS));
  });

  it("gives the same features whatever the delivery columns say", () => {
    const base = { hour_of_day: 8, day_of_week: 2, area: "Pune", promised_minutes: 12 };
    const early = preDispatchFromRow({
      ...base,
      actual_delivery_time: "08:10",
      distance_km: 1,
      is_late: false,
    });
    const late = preDispatchFromRow({
      ...base,
      actual_delivery_time: "09:40",
      distance_km: 9,
      is_late: true,
    });
    const encoding = fitEncoding(orders, labels, "target");
    expect(Array.from(encodeOrder(encoding, early))).toEqual(Array.from(encodeOrder(encoding, late)));
  });
});

describe("area encodings", () => {
  it("target: the area's smoothed training late rate, spellings merged, unknown = overall rate", () => {
    const encoding = fitEncoding(orders, labels, "target", { smoothing: 2 });
    // HSR Layout: 2 late of 2, plus 2 pseudo-orders at the overall 0.5 → (2 + 1) / 4.
    expect(encodeOrder(encoding, orders[1] as PreDispatchOrder)[3]).toBeCloseTo(0.75);
    const unknown = encodeOrder(encoding, {
      hourOfDay: 9,
      dayOfWeek: 1,
      area: "Atlantis",
      promisedMinutes: 15,
    });
    expect(unknown[3]).toBeCloseTo(0.5);
    expect(encodeOrder(encoding, orders[3] as PreDispatchOrder)[3]).toBeCloseTo(0.5);
    expect(featureColumns(encoding)).toEqual([
      "hour_of_day",
      "day_of_week",
      "promised_duration_minutes",
      "area_late_rate",
    ]);
  });

  it("target with weights: weighted late rates, smoothing towards the weighted overall rate", () => {
    const encoding = fitEncoding(orders, labels, "target", { smoothing: 2 }, [1, 0.5, 0, 2]);
    // Overall: 0.5 late of 3.5 = 1/7. HSR Layout: 0.5 late of 0.5, plus 2 pseudo-orders at 1/7.
    expect(encodeOrder(encoding, orders[1] as PreDispatchOrder)[3]).toBeCloseTo((0.5 + 2 / 7) / 2.5, 12);
    expect(encodeOrder(encoding, orders[0] as PreDispatchOrder)[3]).toBeCloseTo((0 + 2 / 7) / 3, 12);
    expect(encoding.other).toBeCloseTo(1 / 7, 12);
  });

  it("onehot: a column per area with enough orders and an explicit other bucket", () => {
    const encoding = fitEncoding(orders, labels, "onehot", { minAreaOrders: 2 });
    expect(featureColumns(encoding)).toEqual([
      "hour_of_day",
      "day_of_week",
      "promised_duration_minutes",
      "area=HSR Layout",
      "area=other",
    ]);
    expect(Array.from(encodeOrder(encoding, orders[2] as PreDispatchOrder))).toEqual([22, 6, 10, 1, 0]);
    // Delhi has one order (below the minimum), Atlantis none: both land in "other", never NaN.
    expect(Array.from(encodeOrder(encoding, orders[0] as PreDispatchOrder))).toEqual([9, 1, 15, 0, 1]);
    expect(
      Array.from(encodeOrder(encoding, { ...(orders[0] as PreDispatchOrder), area: "Atlantis" })),
    ).toEqual([9, 1, 15, 0, 1]);
    expect(isKnownArea(encoding, "HSR layout")).toBe(true);
    expect(isKnownArea(encoding, "Delhi")).toBe(false);
  });

  it("refuses impossible inputs with a message naming the feature", () => {
    const encoding = fitEncoding(orders, labels, "target");
    expect(() =>
      encodeOrder(encoding, { hourOfDay: 25, dayOfWeek: 1, area: null, promisedMinutes: 10 }),
    ).toThrow(/hour_of_day/);
    expect(() =>
      encodeOrder(encoding, { hourOfDay: 2, dayOfWeek: 7, area: null, promisedMinutes: 10 }),
    ).toThrow(/day_of_week/);
    expect(() =>
      encodeOrder(encoding, { hourOfDay: 2, dayOfWeek: 1, area: null, promisedMinutes: 0 }),
    ).toThrow(/promised/);
  });
});
