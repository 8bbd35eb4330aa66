import { type Answer, answer, type Fact, type Insight, type Section } from "../../commands/answer.ts";
import { parseZone } from "../../data/zones.ts";
import { formatChange, formatCount, formatInr, formatPercent, relativeChange } from "../../format/numbers.ts";
import { composeFeedbackAnswer } from "../answer/compose.ts";
import { measureImpact } from "../answer/impact.ts";
import {
  describeScope,
  type ExplainDeps,
  explain,
  parseFeedbackQuestion,
  retrieveFor,
} from "../explain-feedback.ts";
import { COMPLAINT_MAX_RATING, type ParsedQuestion } from "../retrieve/question.ts";
import type { Metric } from "./detect.ts";
import {
  baselineLabel,
  lateRate,
  type Movement,
  measureMovement,
  type Totals,
  type ZoneMovement,
} from "./movement.ts";

const COMMAND = "why";
const METRIC_LABEL: Record<Metric, string> = {
  revenue: "sales",
  orders: "orders",
  aov: "average order value",
  roas: "ROAS",
};
/** Below this relative change a number "held steady" rather than moved. */
const NOISE = 0.03;
const TOP_ZONES = 3;

/**
 * "Why did sales drop yesterday?": the period (default: the latest data day) against the same
 * weekdays of the previous four weeks, decomposed in SQL, then the complaints of the same
 * period in the zone that moved most, explained by the model or extractively.
 */
export async function explainMetric(deps: ExplainDeps, question: string, metric: Metric): Promise<Answer> {
  const parsedOrError = await parseFeedbackQuestion(deps, question);
  if ("error" in parsedOrError) return parsedOrError.error;
  const asked = withDefaultDay(parsedOrError.parsed);
  const placeNamed = asked.place.zone !== null || asked.place.areas.length > 0;
  // Campaigns carry no zone or area, so ROAS exists only for the whole business.
  const nationalRoas = metric === "roas" && placeNamed;
  const parsed = nationalRoas ? everywhere(asked) : asked;
  const spendScope = placeNamed && !nationalRoas ? " (all zones)" : "";
  const insights: Insight[] = nationalRoas
    ? [
        {
          level: "info",
          text: `ROAS is measured for the whole business: marketing campaigns carry no zone or area, so ${describePlace(asked)} could not be applied to it. Ask “why did revenue fall in ${describePlace(asked)}” for the place alone.`,
        },
      ]
    : [];
  const movement = await measureMovement(deps.db, parsed.period, parsed.filter);
  if (movement.current.orders === 0 && movement.baseline.orders === 0) {
    return answer(COMMAND, `No orders to explain — ${parsed.period.label}`, {
      insights: [
        { level: "info", text: `There are no orders between ${parsed.period.from} and ${parsed.period.to}.` },
      ],
      warnings: [],
    });
  }
  const focusZone = parsed.place.zone ?? parseZone(biggestMover(movement, metric) ?? "") ?? null;
  const feedbackQuery = {
    topic: parsed.topic,
    filter: { ...parsed.filter, zone: parsed.filter.zone ?? focusZone, maxRating: COMPLAINT_MAX_RATING },
  };
  const { retrieval, warnings } = await retrieveFor(deps, feedbackQuery);
  const scope = describeScope({
    ...parsed,
    place: { ...parsed.place, zone: focusZone },
    filter: feedbackQuery.filter,
  });
  const leadFacts = movementFacts(movement, spendScope);
  const leadSections = movementSections(movement, metric, spendScope);
  const title = headline(metric, movement, parsed.period.label);
  if (retrieval.items.length === 0) {
    return answer(COMMAND, title, {
      subtitle: `Against ${baselineLabel(movement)}`,
      facts: leadFacts,
      insights,
      sections: [
        ...leadSections,
        { heading: "Customer feedback", lines: [`No complaints were recorded for ${scope}.`] },
      ],
      warnings,
      data: { question, movement },
    });
  }
  const impact = await measureImpact(deps.db, feedbackQuery.filter);
  const explanation = await explain(
    deps.groq,
    question,
    scope,
    retrieval,
    impact,
    { change_against_baseline: movementNumbers(movement) },
    warnings,
  );
  const composed = composeFeedbackAnswer({
    command: COMMAND,
    question,
    title,
    scope,
    items: retrieval.items,
    matchingFeedback: retrieval.matching.feedback,
    // The scope was widened to the zone that moved and narrowed to the period: list exactly that.
    showAllCommand: `/why --all complaints in ${
      parsed.place.areas.length > 0
        ? parsed.place.areas.join(" ")
        : focusZone
          ? `the ${focusZone} zone`
          : "all areas"
    } between ${parsed.period.from} and ${parsed.period.to}`,
    impact,
    explanation,
    leadFacts,
    leadSections,
    insights,
    warnings,
    data: { movement, focusZone },
  });
  return {
    ...composed,
    subtitle: `Against ${baselineLabel(movement)} · feedback: ${composed.subtitle ?? scope}`,
  };
}

/** A why-question about numbers with no period means the latest data day ("yesterday"). */
function withDefaultDay(parsed: ParsedQuestion): ParsedQuestion {
  if (parsed.periodGiven) return parsed;
  const day = parsed.period.to;
  const period = { from: day, to: day, label: `yesterday (${day})`, matched: "" };
  return { ...parsed, period, periodGiven: true, filter: { ...parsed.filter, from: day, to: day } };
}

/**
 * The zone whose orders (for an orders question) or revenue moved most in the direction of the
 * total, if it carries at least 40 % of the change.
 */
function biggestMover(movement: Movement, metric: Metric): string | null {
  const measure = zoneMeasure(metric);
  const delta = (z: ZoneMovement) => measure(z.current) - measure(z.baseline);
  const total = measure(movement.current) - measure(movement.baseline);
  if (total === 0) return null;
  const [top] = [...movement.zones].sort((a, b) => Math.sign(total) * (delta(b) - delta(a)));
  if (!top || top.zone === "Unmapped") return null;
  return delta(top) / total >= 0.4 ? top.zone : null;
}

/** What "where did it move" compares per zone: orders for an orders question, else revenue. */
function zoneMeasure(metric: Metric): (t: Totals) => number {
  return metric === "orders" ? (t) => t.orders : (t) => t.revenue;
}

function headline(metric: Metric, movement: Movement, periodLabel: string): string {
  const [current, baseline] = metricValues(metric, movement);
  const change = relativeChange(current, baseline);
  const label = METRIC_LABEL[metric];
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  if (change === null || Math.abs(change) < NOISE) return `${capital} held steady — ${periodLabel}`;
  return `Why ${label} ${change < 0 ? "fell" : "rose"} ${formatChange(change).slice(2)} — ${periodLabel}`;
}

function metricValues(metric: Metric, m: Movement): [number | null, number | null] {
  const aov = (t: Totals) => (t.orders > 0 ? t.revenue / t.orders : null);
  switch (metric) {
    case "revenue":
      return [m.current.revenue, m.baseline.revenue];
    case "orders":
      return [m.current.orders, m.baseline.orders];
    case "aov":
      return [aov(m.current), aov(m.baseline)];
    case "roas":
      return [
        m.spend > 0 ? m.current.revenue / m.spend : null,
        m.baselineSpend > 0 ? m.baseline.revenue / m.baselineSpend : null,
      ];
  }
}

/** The question with its place taken out: the whole business. */
function everywhere(parsed: ParsedQuestion): ParsedQuestion {
  return {
    ...parsed,
    place: { zone: null, areas: [], areaKeys: [], matched: [] },
    filter: { ...parsed.filter, zone: null, areaKeys: null },
  };
}

function describePlace(parsed: ParsedQuestion): string {
  return parsed.place.areas.length > 0 ? parsed.place.areas.join(", ") : `the ${parsed.place.zone} zone`;
}

/** `spendScope` notes when spend covers more than the place asked about (" (all zones)"). */
function movementFacts(m: Movement, spendScope: string): Fact[] {
  const aov = (t: Totals) => (t.orders > 0 ? t.revenue / t.orders : null);
  return [
    {
      label: "Revenue",
      unit: "inr",
      value: m.current.revenue,
      previous: m.baseline.revenue,
      higherIsBetter: true,
    },
    {
      label: "Orders",
      unit: "count",
      value: m.current.orders,
      previous: m.baseline.orders,
      higherIsBetter: true,
    },
    {
      label: "Average order value",
      unit: "inr",
      value: aov(m.current),
      previous: aov(m.baseline),
      higherIsBetter: true,
    },
    {
      label: "Late deliveries",
      unit: "percent",
      value: lateRate(m.current),
      previous: lateRate(m.baseline),
      higherIsBetter: false,
      nullText: "no delivery times",
    },
    { label: `Marketing spend${spendScope}`, unit: "inr", value: m.spend, previous: m.baselineSpend },
  ];
}

function movementSections(m: Movement, metric: Metric, spendScope: string): Section[] {
  const lines = [
    `Revenue ${formatInr(m.current.revenue)} against a usual ${formatInr(m.baseline.revenue)} (${formatChange(relativeChange(m.current.revenue, m.baseline.revenue))}).`,
    `Fewer or more orders account for ${signedInr(m.ordersEffect)} (${formatCount(m.current.orders)} orders vs ${formatCount(m.baseline.orders)}); ` +
      `order value for ${signedInr(m.aovEffect)}.`,
  ];
  const measure = zoneMeasure(metric);
  const format =
    metric === "orders"
      ? (v: number) => `${formatCount(v)} ${Math.round(v) === 1 ? "order" : "orders"}`
      : formatInr;
  const delta = (z: ZoneMovement) => measure(z.current) - measure(z.baseline);
  const totalChange = measure(m.current) - measure(m.baseline);
  const zoneLines = m.zones
    .filter((z) => totalChange !== 0 && Math.sign(delta(z)) === Math.sign(totalChange))
    .sort((a, b) => Math.abs(delta(b)) - Math.abs(delta(a)))
    .slice(0, TOP_ZONES)
    .map((z) => {
      const [lateNow, lateUsual] = [lateRate(z.current), lateRate(z.baseline)];
      const lateText =
        lateNow !== null && lateUsual !== null
          ? `; late deliveries ${formatPercent(lateNow, 0)} vs ${formatPercent(lateUsual, 0)}`
          : "";
      return (
        `${z.zone}: ${format(measure(z.current))} vs ${format(measure(z.baseline))} ` +
        `(${formatChange(relativeChange(measure(z.current), measure(z.baseline)))}), ${formatPercent(delta(z) / totalChange, 0)} of the change${lateText}.`
      );
    });
  return [
    { heading: "What changed", lines },
    ...(zoneLines.length > 0 ? [{ heading: "Where", lines: zoneLines }] : []),
    { heading: `Marketing${spendScope}`, lines: marketingLines(m) },
  ];
}

/**
 * Total spend against the usual, then the channels that moved it most (a channel that stopped
 * spending counts as much as one that doubled): the ones that changed by at least a fifth.
 */
export function marketingLines(m: Pick<Movement, "spend" | "baselineSpend" | "channels">): string[] {
  const spendChange = relativeChange(m.spend, m.baselineSpend);
  const moved = (c: Movement["channels"][number]) => Math.abs(c.spend - c.baselineSpend);
  return [
    `Marketing spend ${formatInr(m.spend)} against a usual ${formatInr(m.baselineSpend)} (${formatChange(spendChange)}).`,
    ...m.channels
      .filter((c) => moved(c) >= Math.max(1, 0.2 * c.baselineSpend))
      .sort((a, b) => moved(b) - moved(a))
      .slice(0, 3)
      .map(
        (c) =>
          `${c.channel}: ${formatInr(c.spend)} vs ${formatInr(c.baselineSpend)} (${formatChange(relativeChange(c.spend, c.baselineSpend))}).`,
      ),
  ];
}

function signedInr(value: number): string {
  return `${value < 0 ? "−" : "+"}${formatInr(Math.abs(value))}`;
}

function movementNumbers(m: Movement): Record<string, unknown> {
  const round = (v: number) => Math.round(v);
  return {
    period: `${m.from} to ${m.to}`,
    revenue_inr: round(m.current.revenue),
    usual_revenue_inr: round(m.baseline.revenue),
    orders: m.current.orders,
    usual_orders: round(m.baseline.orders),
    revenue_change_from_orders_inr: round(m.ordersEffect),
    revenue_change_from_order_value_inr: round(m.aovEffect),
    marketing_spend_inr: round(m.spend),
    usual_marketing_spend_inr: round(m.baselineSpend),
    zones: m.zones.map((z) => ({
      zone: z.zone,
      revenue_inr: round(z.current.revenue),
      usual_revenue_inr: round(z.baseline.revenue),
      late_rate_percent: percentOrNull(lateRate(z.current)),
      usual_late_rate_percent: percentOrNull(lateRate(z.baseline)),
    })),
  };
}

function percentOrNull(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}
