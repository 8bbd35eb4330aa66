import { join } from "node:path";
import { isoDate, weekday } from "./calendar.ts";
import { CsvWriter } from "./csv-writer.ts";
import type { ActiveIncident } from "./incidents.ts";
import { BLINKIT_FILES, rupees } from "./layout.ts";
import type { ResolvedOptions } from "./options.ts";
import { Rng, WeightedTable } from "./rng.ts";

interface Channel {
  name: string;
  /** Rupees per thousand impressions. */
  cpm: number;
  clickRate: number;
  /** Typical attributed revenue per rupee spent. */
  roas: number;
}

const CHANNELS: readonly Channel[] = [
  { name: "Instagram", cpm: 120, clickRate: 0.012, roas: 3.2 },
  { name: "Facebook", cpm: 100, clickRate: 0.01, roas: 2.8 },
  { name: "Google Ads", cpm: 180, clickRate: 0.035, roas: 4.4 },
  { name: "YouTube", cpm: 150, clickRate: 0.006, roas: 2.2 },
  { name: "Email", cpm: 15, clickRate: 0.03, roas: 6 },
  { name: "SMS", cpm: 25, clickRate: 0.02, roas: 5 },
  { name: "App Push", cpm: 5, clickRate: 0.04, roas: 7 },
];
const CHANNEL_TABLE = new WeightedTable(CHANNELS, [0.24, 0.18, 0.22, 0.1, 0.1, 0.08, 0.08]);

const AUDIENCES: readonly string[] = [
  "New Users",
  "Existing Users",
  "Premium Members",
  "Inactive Users",
  "All Users",
  "Students",
  "Families",
  "Office Goers",
];

const THEMES: readonly string[] = [
  "Weekend Fresh Deals",
  "Monsoon Munchies",
  "Midnight Cravings",
  "Breakfast in 10",
  "Summer Coolers",
  "Festive Sweets Rush",
  "New User 50% Off",
  "Free Delivery Week",
  "Diwali Dhamaka",
  "Holi Colours Sale",
  "Back to School",
  "Cricket Night Snacks",
  "Healthy Start",
  "Baby Care Savings",
  "Pet Parents Week",
  "Super Saver Staples",
  "Flash Sale Friday",
  "Refer and Earn",
  "Win Back Offer",
  "Premium Picks",
  "Fruits Fiesta",
  "Chai Time Combos",
  "Exam Time Fuel",
  "Party Essentials",
  "Clean Home Week",
];

/** Rupees of daily marketing spend per average order, so spend scales with the dataset. */
const SPEND_PER_ORDER = 110;
/** Rupees of attributed revenue per conversion. */
const VALUE_PER_CONVERSION = 450;

interface Campaign {
  id: string;
  name: string;
  channel: Channel;
  audience: string;
  endDay: number;
  budgetWeight: number;
  roas: number;
}

/**
 * Several campaigns a day across channels with varying spend. Some days have no campaign rows
 * at all and some have rows whose spend is zero (paused campaigns): both happen in real exports.
 * During the planted spend surge, spend multiplies while attributed revenue barely moves.
 */
export async function writeMarketing(
  o: ResolvedOptions,
  incidents: readonly ActiveIncident[],
  outDir: string,
): Promise<number> {
  const rng = new Rng(o.seed, "marketing");
  const surge = incidents.find((i) => i.incident.kind === "spend_surge");
  const { noRows, zeroSpend } = pickQuietDays(o, surge);
  const writer = await CsvWriter.open(
    join(outDir, BLINKIT_FILES.marketing.file),
    BLINKIT_FILES.marketing.header,
  );
  const ordersPerDay = o.orders / o.days;
  let active: Campaign[] = [];
  let campaignNumber = 0;

  for (let d = 0; d < o.days; d++) {
    const day = o.startDay + d;
    active = active.filter((c) => c.endDay >= day);
    const target = 3 + Math.round(2 * (d / o.days)) + rng.int(0, 3);
    while (active.length < target) {
      const channel = CHANNEL_TABLE.draw(rng);
      const theme = rng.pick(THEMES);
      active.push({
        id: String(5_001 + campaignNumber++),
        name: `${theme} - ${channel.name}`,
        channel,
        audience: rng.pick(AUDIENCES),
        endDay: day + rng.int(4, 40),
        budgetWeight: rng.logNormal(0.6),
        roas: channel.roas * rng.logNormal(0.2),
      });
    }
    if (noRows.has(day)) continue;

    const growth = 1 + 0.5 * (d / o.days);
    const weekend = weekday(day) === 0 || weekday(day) === 6 ? 1.15 : 1;
    const surgeFactor =
      surge && day >= surge.startDay && day <= surge.endDay
        ? surge.incident.effects.spendFactor * rng.logNormal(0.1)
        : 1;
    const dayBudget = ordersPerDay * SPEND_PER_ORDER * growth * weekend * rng.logNormal(0.25);
    const weightSum = active.reduce((s, c) => s + c.budgetWeight, 0);

    for (const c of [...active].sort((a, b) => Number(a.id) - Number(b.id))) {
      const paused = zeroSpend.has(day);
      const baseSpend = paused ? 0 : (dayBudget * c.budgetWeight) / weightSum;
      const spendPaise = Math.round(baseSpend * surgeFactor * 100);
      // Surge money buys reach but not sales: attributed revenue follows the pre-surge spend.
      const revenuePaise = Math.round(
        baseSpend * c.roas * rng.logNormal(0.3) * (surgeFactor > 1 ? 1.05 : 1) * 100,
      );
      const impressions = Math.round(((spendPaise / 100) * 1000 * rng.logNormal(0.15)) / c.channel.cpm);
      const clicks = Math.round(impressions * c.channel.clickRate * rng.logNormal(0.2));
      const conversions = Math.min(clicks, Math.round(revenuePaise / 100 / VALUE_PER_CONVERSION));
      await writer.write([
        c.id,
        c.name,
        isoDate(day),
        c.audience,
        c.channel.name,
        impressions,
        clicks,
        conversions,
        rupees(spendPaise),
        rupees(revenuePaise),
        spendPaise === 0 ? null : (revenuePaise / spendPaise).toFixed(2),
      ]);
    }
  }
  await writer.close();
  return writer.rows;
}

/**
 * Days without any campaign rows and days with paused (zero-spend) campaigns, at least two of
 * each, never in the surge or the last week (the digest's comparison window).
 */
function pickQuietDays(
  o: ResolvedOptions,
  surge: ActiveIncident | undefined,
): { noRows: Set<number>; zeroSpend: Set<number> } {
  const rng = new Rng(o.seed, "marketing-quiet-days");
  const perKind = Math.max(2, Math.round(o.days * 0.015));
  const noRows = new Set<number>();
  const zeroSpend = new Set<number>();
  const eligible = (day: number) =>
    day < o.endDay - 7 &&
    !(surge && day >= surge.startDay - 1 && day <= surge.endDay + 1) &&
    !noRows.has(day) &&
    !zeroSpend.has(day);
  for (const set of [noRows, zeroSpend]) {
    while (set.size < perKind) {
      const day = o.startDay + rng.int(0, o.days - 1);
      if (eligible(day)) set.add(day);
    }
  }
  return { noRows, zeroSpend };
}
