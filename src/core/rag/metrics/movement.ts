import { sqlQuery } from "../../db/sql-files.ts";
import type { Queryable } from "../../db/types.ts";
import { addDays, daysBetweenInclusive } from "../../kpis/range.ts";

export interface Totals {
  orders: number;
  revenue: number;
  lateOrders: number;
  timedOrders: number;
}

export interface ZoneMovement {
  zone: string;
  current: Totals;
  baseline: Totals;
}

export interface ChannelMovement {
  channel: string;
  spend: number;
  baselineSpend: number;
}

/**
 * A period against its baseline — the same weekdays in the four weeks before, averaged —
 * decomposed into orders × average order value, by zone, by marketing channel, and with
 * the late-delivery rate. Baseline windows before the data starts are left out of the average.
 */
export interface Movement {
  from: string;
  to: string;
  /** How many earlier windows had data and were averaged. */
  baselineWindows: number;
  current: Totals;
  baseline: Totals;
  /** Revenue change split exactly: (ΔN × AOV₀) + (ΔAOV × N₁). */
  ordersEffect: number;
  aovEffect: number;
  zones: ZoneMovement[];
  channels: ChannelMovement[];
  spend: number;
  baselineSpend: number;
}

const EMPTY: Totals = { orders: 0, revenue: 0, lateOrders: 0, timedOrders: 0 };

export async function measureMovement(
  db: Queryable,
  period: { from: string; to: string },
  place: { zone: string | null; areaKeys: string[] | null },
): Promise<Movement> {
  const weeks = Math.ceil(daysBetweenInclusive(period.from, period.to) / 7);
  const [zoneRows, channelRows] = await Promise.all([
    db.query<{
      window: number;
      zone: string;
      orders: number;
      revenue: number;
      late_orders: number;
      timed_orders: number;
    }>(sqlQuery("rag_metric_zones"), [period.from, period.to, weeks, place.zone, place.areaKeys]),
    db.query<{ window: number; channel: string; spend: number }>(sqlQuery("rag_metric_channels"), [
      period.from,
      period.to,
      weeks,
    ]),
  ]);
  const windowsWithData = new Set(
    zoneRows.rows.filter((r) => r.window > 0 && r.orders > 0).map((r) => r.window),
  );
  const divisor = Math.max(1, windowsWithData.size);
  const zones = new Map<string, ZoneMovement>();
  for (const row of zoneRows.rows) {
    const zone = zones.get(row.zone) ?? { zone: row.zone, current: { ...EMPTY }, baseline: { ...EMPTY } };
    const target = row.window === 0 ? zone.current : zone.baseline;
    const weight = row.window === 0 ? 1 : windowsWithData.has(row.window) ? 1 / divisor : 0;
    target.orders += row.orders * weight;
    target.revenue += row.revenue * weight;
    target.lateOrders += row.late_orders * weight;
    target.timedOrders += row.timed_orders * weight;
    zones.set(row.zone, zone);
  }
  const channels = new Map<string, ChannelMovement>();
  for (const row of channelRows.rows) {
    const channel = channels.get(row.channel) ?? { channel: row.channel, spend: 0, baselineSpend: 0 };
    if (row.window === 0) channel.spend += row.spend;
    else if (windowsWithData.has(row.window)) channel.baselineSpend += row.spend / divisor;
    channels.set(row.channel, channel);
  }
  const zoneList = [...zones.values()];
  const current = sum(zoneList.map((z) => z.current));
  const baseline = sum(zoneList.map((z) => z.baseline));
  const aov = (t: Totals) => (t.orders > 0 ? t.revenue / t.orders : 0);
  const channelList = [...channels.values()];
  return {
    from: period.from,
    to: period.to,
    baselineWindows: windowsWithData.size,
    current,
    baseline,
    ordersEffect: (current.orders - baseline.orders) * aov(baseline),
    aovEffect: (aov(current) - aov(baseline)) * current.orders,
    zones: zoneList.sort(
      (a, b) => a.current.revenue - a.baseline.revenue - (b.current.revenue - b.baseline.revenue),
    ),
    channels: channelList.sort((a, b) => b.spend - a.spend),
    spend: channelList.reduce((total, c) => total + c.spend, 0),
    baselineSpend: channelList.reduce((total, c) => total + c.baselineSpend, 0),
  };
}

function sum(list: Totals[]): Totals {
  return list.reduce(
    (acc, t) => ({
      orders: acc.orders + t.orders,
      revenue: acc.revenue + t.revenue,
      lateOrders: acc.lateOrders + t.lateOrders,
      timedOrders: acc.timedOrders + t.timedOrders,
    }),
    { ...EMPTY },
  );
}

export function lateRate(t: Totals): number | null {
  return t.timedOrders > 0 ? t.lateOrders / t.timedOrders : null;
}

/** The baseline in words: "the same weekday over the previous 4 weeks (from 2026-10-23)". */
export function baselineLabel(movement: Movement): string {
  const days = daysBetweenInclusive(movement.from, movement.to);
  const shift = 7 * Math.ceil(days / 7);
  const earliest = addDays(movement.from, -shift * movement.baselineWindows);
  const n = movement.baselineWindows;
  return days === 1
    ? `the same weekday over the previous ${n} weeks (from ${earliest})`
    : `the ${n} earlier periods of ${days} days on the same weekdays (from ${earliest})`;
}
