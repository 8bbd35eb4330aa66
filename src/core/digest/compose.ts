import {
  type Answer,
  answer,
  type Fact,
  type Insight,
  type NextAction,
  type Section,
} from "../commands/answer.ts";
import { describeError } from "../commands/registry.ts";
import type { Queryable } from "../db/types.ts";
import { formatValue } from "../format/fact.ts";
import { revenueSpendChart } from "../kpis/chart.ts";
import {
  type DataBounds,
  dailyKpis,
  dataBounds,
  deriveMetrics,
  type KpiMetrics,
  kpiTotals,
} from "../kpis/kpis.ts";
import { addDays, type DayRange, daysBetweenInclusive } from "../kpis/range.ts";
import { digestAlerts } from "./alerts.ts";
import { DEFAULT_DIGEST_THRESHOLDS, DIGEST_WINDOWS, type DigestThresholds } from "./options.ts";
import { DIGEST_SECTIONS, type DigestSection } from "./schedule.ts";
import {
  type ComplaintTheme,
  type DigestSources,
  type HotspotReport,
  SourceUnavailableError,
} from "./sources.ts";
import { zoneNegativeFeedback } from "./zone-feedback.ts";

export interface DigestOptions {
  thresholds: DigestThresholds;
  sections: readonly DigestSection[];
  sources: DigestSources;
}

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = {
  thresholds: DEFAULT_DIGEST_THRESHOLDS,
  sections: DIGEST_SECTIONS,
  sources: {},
};

const HEADINGS = {
  kpis: "Yesterday vs the 7-day average",
  chart: "Revenue vs marketing spend, last 30 days",
  hotspots: "Today's delivery-delay hotspots",
  complaints: "Top complaint theme, last 7 days",
} as const;

/** Where an empty database points people. */
const LOAD_DATA_HINT =
  "Load your Blinkit CSV exports with `blinkit data import <folder>`, or generate demo data with `blinkit data generate`.";

/** Numbers the KPI part of the digest is built from. */
interface DayNumbers {
  day: string;
  yesterday: KpiMetrics;
  weekAverage: KpiMetrics | null;
  weekRange: DayRange;
  fourWeeks: KpiMetrics | null;
}

/**
 * The morning digest for `reportDate` (the subscriber's local date): yesterday — or the latest
 * day with data before it — against the previous 7-day average, the 30-day chart, alerts,
 * today's delay hotspots and the week's top complaint theme. Every chosen section appears; one
 * without data says so.
 */
export async function composeDigest(
  db: Queryable,
  options: Partial<DigestOptions>,
  reportDate: string,
): Promise<Answer> {
  const { thresholds, sections, sources } = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const include = new Set(sections);
  const yesterday = addDays(reportDate, -1);
  const bounds = await dataBounds(db);
  const day = reportedDay(bounds, yesterday);
  const numbers = day ? await dayNumbers(db, day, bounds) : null;

  const facts: Fact[] = [];
  const insights: Insight[] = [];
  const body: Section[] = [];
  const warnings: string[] = [];
  const noData = noDataSentence(bounds, yesterday);
  if (day && day !== yesterday) {
    warnings.push(
      `No data for yesterday (${yesterday}): the latest day with data is ${day}, so this digest reports on ${day}. Import the latest exports to bring it up to date.`,
    );
  }
  if (!numbers) warnings.push(LOAD_DATA_HINT);

  if (include.has("kpis")) {
    if (numbers) facts.push(...kpiFacts(numbers));
    else body.push({ heading: HEADINGS.kpis, lines: [noData] });
  }
  const chart = include.has("chart") && numbers ? await chartFor(db, numbers.day) : undefined;
  if (include.has("chart") && !chart) {
    body.push({ heading: HEADINGS.chart, lines: ["No data in the last 30 days, so there is no chart."] });
  }
  if (include.has("alerts")) insights.push(...(await alertsFor(db, numbers, bounds, thresholds)));

  const hotspots = include.has("hotspots")
    ? await borrow(
        HEADINGS.hotspots,
        "the delivery-delay model",
        sources.hotspots,
        (source) => source(reportDate, thresholds.hotspotCount),
        hotspotLines,
      )
    : undefined;
  const complaintRange = complaintWindow(day ?? yesterday);
  const complaints = include.has("complaints")
    ? await borrow(
        HEADINGS.complaints,
        "feedback themes",
        sources.complaintTheme,
        (source) => source(complaintRange),
        (theme) => themeLines(theme, complaintRange),
      )
    : undefined;
  for (const result of [hotspots, complaints]) {
    if (!result) continue;
    body.push(result.section);
    if (result.warning) warnings.push(result.warning);
  }

  return answer("digest", `Morning digest — ${reportDate}`, {
    subtitle: numbers
      ? `${numbers.day === yesterday ? "Yesterday" : "Latest day with data"} (${numbers.day}) compared with the average day of ${numbers.weekRange.from} to ${numbers.weekRange.to}`
      : "Nothing to report yet",
    facts,
    insights,
    sections: body,
    quotes: complaints?.value?.quotes ?? [],
    chart,
    actions: detailsActions(numbers?.day ?? null, bounds),
    warnings,
    data: {
      reportDate,
      dataDay: numbers?.day ?? null,
      dataBounds: bounds,
      yesterday: numbers?.yesterday ?? null,
      weekAverage: numbers?.weekAverage ?? null,
      fourWeeks: numbers?.fourWeeks ?? null,
      thresholds,
      sections: [...include],
    },
  });
}

/** Yesterday, or the latest day with data before it; null when no data reaches that far back. */
function reportedDay(bounds: DataBounds, yesterday: string): string | null {
  if (!bounds.firstDay || !bounds.lastDay || bounds.firstDay > yesterday) return null;
  return bounds.lastDay < yesterday ? bounds.lastDay : yesterday;
}

function noDataSentence(bounds: DataBounds, yesterday: string): string {
  if (!bounds.lastDay) return "There is no order or marketing data loaded yet.";
  return `The loaded data starts on ${bounds.firstDay}, after ${yesterday}, so there is nothing to report for this morning.`;
}

async function dayNumbers(db: Queryable, day: string, bounds: DataBounds): Promise<DayNumbers> {
  const weekRange = rangeBefore(day, DIGEST_WINDOWS.comparisonDays);
  const normRange = clipToData(rangeBefore(day, DIGEST_WINDOWS.normDays), bounds);
  const yesterday = await kpiTotals(db, { from: day, to: day, days: 1 });
  const week = await kpiTotals(db, weekRange);
  const fourWeeks = normRange ? await kpiTotals(db, normRange) : null;
  return {
    day,
    yesterday,
    weekAverage: week.days > 0 ? averageDay(week) : null,
    weekRange,
    fourWeeks: fourWeeks && fourWeeks.days > 0 ? fourWeeks : null,
  };
}

/**
 * The average day of a period: additive sums divided by its days with data. Ratios (ROAS, late
 * rate) are unchanged by the division, so they stay ratios of the period's sums.
 */
function averageDay(period: KpiMetrics): KpiMetrics {
  const n = period.days;
  return deriveMetrics({
    days: 1,
    orders: period.orders / n,
    cancelledOrders: period.cancelledOrders / n,
    revenue: period.revenue / n,
    spend: period.spend / n,
    attributedRevenue: period.attributedRevenue / n,
    timedOrders: period.timedOrders / n,
    lateOrders: period.lateOrders / n,
    delayMinutesSum: period.delayMinutesSum / n,
    feedbackCount: period.feedbackCount / n,
    negativeFeedbackCount: period.negativeFeedbackCount / n,
    ratingSum: period.ratingSum / n,
    ratedFeedbackCount: period.ratedFeedbackCount / n,
    zeroSpendDays: period.zeroSpendDays / n,
  });
}

function kpiFacts({ yesterday, weekAverage }: DayNumbers): Fact[] {
  const fact = (
    label: string,
    unit: Fact["unit"],
    pick: (m: KpiMetrics) => number | null,
    extra: Partial<Fact> = {},
  ): Fact => {
    const previous = weekAverage ? pick(weekAverage) : null;
    return {
      label,
      unit,
      value: pick(yesterday),
      previous,
      note:
        previous === null
          ? weekAverage
            ? "n/a the week before"
            : "no data the week before"
          : `7-day average ${formatValue(previous, unit)}`,
      ...extra,
    };
  };
  return [
    fact("Revenue", "inr", (m) => m.revenue, { higherIsBetter: true }),
    fact("Marketing spend", "inr", (m) => m.spend),
    fact("ROAS", "ratio", (m) => m.roas, { higherIsBetter: true, nullText: "n/a (no spend)" }),
    fact("Orders", "count", (m) => m.orders, { higherIsBetter: true }),
    fact("Average delivery delay", "minutes", (m) => m.avgDelayMinutes, {
      higherIsBetter: false,
      nullText: "n/a (no timed deliveries)",
    }),
    fact("Late rate", "percent", (m) => m.lateRate, { higherIsBetter: false, nullText: "n/a" }),
  ];
}

async function chartFor(db: Queryable, day: string) {
  const range = {
    from: addDays(day, -(DIGEST_WINDOWS.chartDays - 1)),
    to: day,
    days: DIGEST_WINDOWS.chartDays,
  };
  const days = await dailyKpis(db, range);
  if (!days.some((d) => d.revenue > 0 || d.spend > 0)) return undefined;
  return revenueSpendChart(days, `Revenue vs marketing spend, ${days[0]?.day} to ${day}`);
}

async function alertsFor(
  db: Queryable,
  numbers: DayNumbers | null,
  bounds: DataBounds,
  thresholds: DigestThresholds,
): Promise<Insight[]> {
  if (!numbers) return [{ level: "info", text: "No alerts checked: there is no data for yesterday." }];
  const zones = await zoneNegativeFeedback(
    db,
    numbers.day,
    clipToData(rangeBefore(numbers.day, DIGEST_WINDOWS.normDays), bounds),
  );
  const alerts = digestAlerts({ ...numbers, zones }, thresholds);
  if (alerts.length > 0) return alerts;
  return [
    {
      level: "info",
      text: "No alerts: ROAS, spend vs revenue, late deliveries and negative feedback by zone are all within their thresholds.",
    },
  ];
}

interface Borrowed<V> {
  section: Section;
  value?: V;
  warning?: string;
}

/**
 * Runs a section that depends on another capability, turning "not built", "not ready" and
 * "failed" into a line in that section: the digest always has the section, never a crash.
 */
async function borrow<S, V>(
  heading: string,
  capability: string,
  source: S | undefined,
  fetch: (source: S) => Promise<V>,
  lines: (value: V) => string[],
): Promise<Borrowed<V>> {
  if (source === undefined) {
    return { section: { heading, lines: [`Not available yet: ${capability} isn't connected on this bot.`] } };
  }
  try {
    const value = await fetch(source);
    return { section: { heading, lines: lines(value) }, value };
  } catch (error) {
    if (error instanceof SourceUnavailableError) return { section: { heading, lines: [error.message] } };
    const message = `Couldn't get ${capability}: ${describeError(error)}.`;
    return {
      section: { heading, lines: [message] },
      warning: `${message} Ask an admin to check the bot's logs.`,
    };
  }
}

function hotspotLines({ hotspots, notes }: HotspotReport): string[] {
  if (hotspots.length === 0) {
    return ["No hotspots: no area and hour of today has enough order history to rank.", ...notes];
  }
  const lines = hotspots.map((spot, index) => {
    const hours = `${String(spot.hour).padStart(2, "0")}:00–${String((spot.hour + 1) % 24).padStart(2, "0")}:00`;
    const volume =
      spot.expectedOrders === undefined
        ? ""
        : `, usually ~${plural(Math.round(spot.expectedOrders), "order")}`;
    return `${index + 1}. ${spot.area}, ${hours}: ${Math.round(spot.probability * 100)}% predicted late risk${volume}`;
  });
  return [...lines, ...notes];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function share({ count, total }: ComplaintTheme): string {
  return total ? ` of ${total} (${Math.round((count / total) * 100)}%)` : "";
}

function themeLines(theme: ComplaintTheme | null, range: { from: string; to: string }): string[] {
  if (!theme) return [`No complaints between ${range.from} and ${range.to}.`];
  return [
    `“${theme.theme}” — ${plural(theme.count, "complaint")}${share(theme)} between ${range.from} and ${range.to}.`,
  ];
}

function detailsActions(day: string | null, bounds: DataBounds): NextAction[] {
  if (!day) return [];
  // "/roas 7d" counts back from the latest data day; name the dates when that isn't this digest's day.
  const command = day === bounds.lastDay ? "/roas 7d" : `/roas ${addDays(day, -6)}..${day}`;
  return [{ id: "digest_details", label: "Details: last 7 days", command, primary: true }];
}

function complaintWindow(to: string): { from: string; to: string } {
  return { from: addDays(to, -(DIGEST_WINDOWS.complaintDays - 1)), to };
}

/** The `days` days just before `day`. */
function rangeBefore(day: string, days: number): DayRange {
  return { from: addDays(day, -days), to: addDays(day, -1), days };
}

/** The part of a range the data covers (norms must not count days before the data began). */
function clipToData(range: DayRange, bounds: DataBounds): DayRange | null {
  const from = bounds.firstDay && bounds.firstDay > range.from ? bounds.firstDay : range.from;
  if (from > range.to) return null;
  return { from, to: range.to, days: daysBetweenInclusive(from, range.to) };
}
