import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SQL_DIR } from "../db/sql-files.ts";
import type { Queryable } from "../db/types.ts";
import { revenueSpendChart } from "../kpis/chart.ts";
import { INSIGHT_THRESHOLDS, spendRevenueInsights } from "../kpis/insights.ts";
import { dailyKpis, dataBounds, type KpiSummary, kpiSummary, NoDataError } from "../kpis/kpis.ts";
import type { RangeSpec } from "../kpis/range.ts";
import { businessDayOf } from "../rag/context.ts";
import { parsePeriod, referenceDay } from "../rag/retrieve/period.ts";
import { loadAreaIndex, parsePlace } from "../rag/retrieve/places.ts";
import { FRAME_WORDS } from "../rag/retrieve/topic.ts";
import { type Answer, answer, errorAnswer, type Fact, type NextAction } from "./answer.ts";
import type { CommandContext } from "./context.ts";
import type { Command } from "./registry.ts";
import { parseRoasArgs, type RoasRequest } from "./roas-args.ts";

const EXAMPLES = ["/roas", "/roas 7d", "/roas 365d", "/roas 2024-06-01..2024-06-30", "/roas sql"];

export const roasCommand: Command = {
  name: "roas",
  summary: "Revenue, marketing spend, ROAS and delivery delay, with a chart",
  examples: EXAMPLES,
  async run(args, ctx) {
    const parsed = parseRoasArgs(args);
    if (!parsed.ok && !isSentence(args)) {
      return errorAnswer("roas", parsed.message, `Examples: ${EXAMPLES.join(", ")}`);
    }
    const request = parsed.ok ? parsed.value : await requestFromQuestion(args, ctx);
    if (request.kind === "help") return roasHelp();
    if (request.kind === "sql") return viewSqlAnswer();
    try {
      const result = await kpiAnswer(ctx.db, request.range, request.label);
      const place = parsed.ok || result.error ? null : await placeNamed(args, ctx);
      return place ? { ...result, warnings: [wholeBusinessNote(place), ...result.warnings] } : result;
    } catch (error) {
      if (error instanceof NoDataError) {
        return errorAnswer(
          "roas",
          error.message,
          "Load your Blinkit CSV exports with `blinkit data import <folder>`, or generate demo data with `blinkit data generate`.",
        );
      }
      throw error;
    }
  },
};

/** A plain question ("how is ROAS this month?") rather than /roas arguments. */
function isSentence(args: string): boolean {
  return args.trim().split(/\s+/).length >= 2;
}

/** The zone or areas a plain question names, if any ("how is revenue in Pune?"). */
async function placeNamed(question: string, ctx: CommandContext): Promise<string | null> {
  const parsed = parsePlace(question, await loadAreaIndex(ctx.db), FRAME_WORDS);
  if (!parsed.ok) return parsed.name;
  const { zone, areas } = parsed.place;
  return areas.length > 0 ? areas.join(", ") : zone ? `the ${zone} zone` : null;
}

/** /roas has no place filter: campaigns carry no zone, so ROAS exists for the whole business only. */
function wholeBusinessNote(place: string): string {
  return (
    `These figures are for the whole business, not ${place}: marketing campaigns carry no zone or area, so /roas has no place filter. ` +
    `For ${place}'s revenue and orders, ask “why did revenue change in ${place} …”.`
  );
}

/**
 * The period a plain question names, read as /why reads it ("this month" is month to date,
 * "last month" the calendar month, "in March", "yesterday"…), relative to the data's last day
 * for a historical export; the last 30 days when it names none.
 */
async function requestFromQuestion(question: string, ctx: CommandContext): Promise<RoasRequest> {
  const { lastDay } = await dataBounds(ctx.db);
  const today = referenceDay(lastDay, businessDayOf(ctx.now(), ctx.settings.timeZone));
  const period = parsePeriod(question, today);
  if (!period) return { kind: "kpis", range: { kind: "last", days: 30 }, label: "last 30 days" };
  // "This month" of a historical export runs to the day after its data: stop at the data instead.
  const to = lastDay && period.from <= lastDay && period.to > lastDay ? lastDay : period.to;
  return { kind: "kpis", range: { kind: "between", from: period.from, to }, label: period.label };
}

async function kpiAnswer(db: Queryable, range: RangeSpec, label: string): Promise<Answer> {
  const summary = await kpiSummary(db, range);
  const { firstDay, lastDay } = summary.dataBounds;
  if (range.kind === "between" && firstDay && lastDay && (range.to < firstDay || range.from > lastDay)) {
    return errorAnswer(
      "roas",
      `There is no data between ${range.from} and ${range.to}.`,
      `The loaded data covers ${firstDay} to ${lastDay}. Try /roas ${firstDay}..${lastDay} or /roas 30d.`,
    );
  }
  const days = await dailyKpis(db, summary.range);
  const { current, previous } = summary;
  const warnings: string[] = [];
  if (range.kind === "between" && firstDay && lastDay && (range.from < firstDay || range.to > lastDay)) {
    warnings.push(`The loaded data covers ${firstDay} to ${lastDay}; days outside it count as zero.`);
  }
  // A comparison period that starts before the data does would turn "no data" into huge growth.
  const comparable = firstDay !== null && summary.previousRange.from >= firstDay;
  if (!comparable) {
    warnings.push(
      `The previous period (${summary.previousRange.from} to ${summary.previousRange.to}) starts before the data does (${firstDay}), so changes aren't shown.`,
    );
  }
  return answer("roas", `ROAS & revenue — ${label}`, {
    subtitle: `${summary.range.from} to ${summary.range.to} (${summary.range.days} days), compared with ${summary.previousRange.from} to ${summary.previousRange.to}`,
    facts: kpiFacts(summary, comparable),
    insights: spendRevenueInsights(current, comparable ? previous : null),
    chart: revenueSpendChart(
      days,
      `Revenue vs marketing spend, ${summary.range.from} to ${summary.range.to}`,
    ),
    actions: rangeActions(range),
    warnings,
    data: { summary, daily: days, thresholds: INSIGHT_THRESHOLDS },
  });
}

function kpiFacts({ current, previous }: KpiSummary, comparable: boolean): Fact[] {
  const facts: Fact[] = [
    {
      label: "Total Revenue",
      unit: "inr",
      value: current.revenue,
      previous: previous.revenue,
      higherIsBetter: true,
    },
    { label: "Total Spend", unit: "inr", value: current.spend, previous: previous.spend },
    {
      label: "Average ROAS",
      unit: "ratio",
      value: current.roas,
      previous: previous.roas,
      nullText: "n/a (no spend)",
      higherIsBetter: true,
      note: "total revenue ÷ total spend",
    },
    {
      label: "Average Delivery Delay",
      unit: "minutes",
      value: current.avgDelayMinutes,
      previous: previous.avgDelayMinutes,
      nullText: "n/a (no timed deliveries)",
      higherIsBetter: false,
      note:
        current.avgDelayMinutesLate === null
          ? "no late orders"
          : `late orders only: ${current.avgDelayMinutesLate.toFixed(1)} min`,
    },
    {
      label: "Orders",
      unit: "count",
      value: current.orders,
      previous: previous.orders,
      higherIsBetter: true,
    },
    {
      label: "Late rate",
      unit: "percent",
      value: current.lateRate,
      previous: previous.lateRate,
      higherIsBetter: false,
      nullText: "n/a",
    },
  ];
  return comparable ? facts : facts.map((fact) => ({ ...fact, previous: null }));
}

function rangeActions(range: RangeSpec): NextAction[] {
  return [7, 30, 365].map((days) => ({
    id: `roas_${days}d`,
    label: `${days} days`,
    command: `/roas ${days}d`,
    primary: range.kind === "last" && range.days === days,
  }));
}

function roasHelp(): Answer {
  return answer("roas", "/roas — revenue, spend and ROAS", {
    visibility: "ephemeral",
    sections: [
      {
        heading: "Periods",
        lines: [
          "/roas — last 30 days (counted back from the latest day with data)",
          "/roas 7d | 30d | 365d (also 7, week, month, year, or any 1–730 days like 14d)",
          "/roas 2024-06-01..2024-06-30 — explicit dates",
          "/roas sql — how the numbers are computed (the master analytical view)",
        ],
      },
      {
        heading: "Definitions",
        lines: [
          "Revenue: order totals of non-cancelled orders, by order day in the reporting time zone.",
          "Average ROAS: total revenue ÷ total marketing spend (n/a when there was no spend).",
          "Average delivery delay: minutes past the promised time, over all delivered orders (early = 0).",
          `Underperforming: spend up ≥ ${INSIGHT_THRESHOLDS.spendRise * 100}% while revenue moved less than ±${INSIGHT_THRESHOLDS.revenueFlatBand * 100}%.`,
        ],
      },
    ],
  });
}

function viewSqlAnswer(): Answer {
  const sql = readFileSync(join(SQL_DIR, "master_analytical_view.sql"), "utf8");
  return answer("roas", "How /roas computes its numbers: master_analytical_view", {
    visibility: "ephemeral",
    subtitle: "Orders are rolled up per business day, marketing spend per day, joined on a calendar spine.",
    sections: [{ heading: "sql/master_analytical_view.sql", lines: sql.trimEnd().split("\n") }],
    data: { sql },
  });
}
