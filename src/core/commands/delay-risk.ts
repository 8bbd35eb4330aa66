import { sqlQuery } from "../db/sql-files.ts";
import { DelayInputError, resolveDelayTarget } from "../delay-model/areas.ts";
import { type DaySpec, type DelayRiskCommandRequest, parseDelayRiskArgs } from "../delay-model/args.ts";
import { ModelLoadError } from "../delay-model/artifact.ts";
import { getDelayModel } from "../delay-model/cache.ts";
import { DAY_NAMES, formatHour } from "../delay-model/explain.ts";
import { areaKey } from "../delay-model/features.ts";
import { delayHotspots, type HotspotReport, weekdayOf } from "../delay-model/hotspots.ts";
import type { DelayModel } from "../delay-model/model.ts";
import {
  type DelayHistory,
  type DelayRiskResult,
  predictDelayRisk,
  slotHistory,
} from "../delay-model/predict.ts";
import { type DelayQuestion, interpretDelayQuestion, isPlainDelayQuestion } from "../delay-model/question.ts";
import { formatPercent } from "../format/numbers.ts";
import { type Answer, answer, errorAnswer, type Fact, type Section } from "./answer.ts";
import type { CommandContext } from "./context.ts";
import type { Command } from "./registry.ts";

export { listAreasForSelect } from "../delay-model/areas.ts";
export { type DelayRiskCommandRequest, parseDelayRiskArgs } from "../delay-model/args.ts";

const NAME = "delay-risk";
const EXAMPLES = [
  '/delay-risk area="HSR Layout" hour=21 day=sat promised=10',
  "/delay-risk zone=South hour=9pm day=saturday promised=15",
  "/delay-risk hotspots",
  "/delay-risk (no arguments: a form)",
  "/delay-risk will deliveries in Pune be late tonight? (plain words work too, and in an @-mention)",
];

/**
 * `/delay-risk`: the chance an order is delivered late, predicted before dispatch from its hour,
 * weekday, area and promised minutes, with reasons and what to do; `hotspots` ranks tomorrow's
 * riskiest slots. Without a trained model it says how to train one (training is an explicit admin
 * step, never triggered by a chat command) and still shows the observed late rates.
 */
export const delayRiskCommand: Command = {
  name: NAME,
  summary: "Chance a delivery will be late, before dispatch, with reasons",
  examples: EXAMPLES,
  async run(args, ctx) {
    if (isPlainDelayQuestion(args)) {
      return answerSafely(() => questionAnswer(interpretDelayQuestion(args, currentHour(ctx)), ctx));
    }
    const parsed = parseDelayRiskArgs(args);
    if (!parsed.ok)
      return errorAnswer(NAME, parsed.message, `Examples: ${EXAMPLES.slice(0, 3).join("  ·  ")}`);
    const request = parsed.value;
    if (request.kind === "help") return helpAnswer();
    if (request.kind === "form") return formAnswer();
    return answerSafely(async () => {
      if (request.kind === "hotspots") {
        const date = resolveDate(request.day, ctx);
        return hotspotAnswer(await delayHotspots(loadModel(ctx), ctx.db, date));
      }
      return predictionAnswer(request, ctx);
    });
  },
};

/** Turns what the user can fix (unknown area, no model yet) into an answer that says how. */
async function answerSafely(build: () => Promise<Answer>): Promise<Answer> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof DelayInputError || error instanceof ModelLoadError) {
      return errorAnswer(NAME, error.message, error.hint, {
        data: { suggestions: error instanceof DelayInputError ? error.suggestions : [] },
      });
    }
    throw error;
  }
}

/**
 * A plain question: no place → the day's hotspots; a place but no time → that place's riskiest
 * hours; both → a prediction at the promise customers usually get there, unless one was named.
 * What was read and what was assumed is shown first, so a misreading is obvious.
 */
async function questionAnswer(question: DelayQuestion, ctx: CommandContext): Promise<Answer> {
  const date = resolveDate(question.day, ctx);
  const dayText = `${DAY_NAMES[weekdayOf(date)]} ${date}`;
  if (question.place === null) {
    if (question.hourOfDay === null) return hotspotAnswer(await delayHotspots(loadModel(ctx), ctx.db, date));
    const hour = question.hourOfDay;
    const report = await delayHotspots(loadModel(ctx), ctx.db, date, { hourOfDay: hour });
    return withReading(hotspotAnswer(report, `Riskiest areas at ${formatHour(hour)} — ${dayText}`), [
      "Place: none named, so every area with orders at that hour is ranked",
      `Day: ${dayText}`,
      hourLine(question),
    ]);
  }
  const target = await resolveDelayTarget(ctx.db, question.place);
  const keys = target.areas.map((a) => areaKey(a.area));
  if (question.hourOfDay === null) {
    const report = await delayHotspots(loadModel(ctx), ctx.db, date, { areaKeys: keys });
    const found = hotspotAnswer(report, `Riskiest hours in ${target.label} — ${dayText}`);
    return withReading(found, [
      `Place: ${target.label}`,
      `Day: ${dayText}`,
      "Hour: none named, so every hour with orders is ranked",
    ]);
  }
  let promised = question.promisedMinutes;
  if (promised === null) {
    const { rows } = await ctx.db.query<{ promised_minutes: number | null }>(
      sqlQuery("delay_typical_promise"),
      [keys, question.hourOfDay],
    );
    promised = Math.round(rows[0]?.promised_minutes ?? 10);
  }
  const predicted = await predictionAnswer(
    {
      kind: "predict",
      target: question.place,
      hourOfDay: question.hourOfDay,
      day: question.day,
      promisedMinutes: promised,
    },
    ctx,
  );
  return withReading(predicted, [
    `Place: ${target.label}`,
    `Day: ${dayText}`,
    hourLine(question),
    question.promisedMinutes === null
      ? `Promise: ${promised} min, the usual there at that hour (say “with a 10 min promise” to change it)`
      : `Promise: ${promised} min`,
  ]);
}

function hourLine(question: DelayQuestion): string {
  const words = question.hourFrom && !/\d/.test(question.hourFrom) ? ` (from “${question.hourFrom}”)` : "";
  return `Hour: ${question.hourOfDay === null ? "none named" : formatHour(question.hourOfDay)}${words}`;
}

function withReading(found: Answer, lines: string[]): Answer {
  if (found.error) return found;
  return { ...found, sections: [{ heading: "Read from your question", lines }, ...found.sections] };
}

/** The hour of day now, where the business is. */
function currentHour(ctx: CommandContext): number {
  const hour = new Intl.DateTimeFormat("en-GB", {
    timeZone: ctx.settings.timeZone,
    hour: "2-digit",
    hourCycle: "h23",
  }).format(ctx.now());
  return Number(hour) % 24;
}

function loadModel(ctx: CommandContext): DelayModel {
  return getDelayModel(ctx.services, ctx.settings.modelPath);
}

async function predictionAnswer(
  request: Extract<DelayRiskCommandRequest, { kind: "predict" }>,
  ctx: CommandContext,
): Promise<Answer> {
  const predictRequest = {
    target: request.target,
    hourOfDay: request.hourOfDay,
    dayOfWeek: weekdayFor(request.day, ctx),
    promisedMinutes: request.promisedMinutes,
  };
  let model: DelayModel;
  try {
    model = loadModel(ctx);
  } catch (error) {
    if (!(error instanceof ModelLoadError)) throw error;
    // Still useful without a model: what actually happened in that slot.
    const target = await resolveDelayTarget(ctx.db, request.target);
    const history = await slotHistory(
      ctx.db,
      target.areas.map((a) => a.area),
      request.hourOfDay,
    );
    return errorAnswer(NAME, error.message, error.hint, {
      sections: [historySection(history, target.label, request.hourOfDay)],
    });
  }
  return riskAnswer(await predictDelayRisk(model, ctx.db, predictRequest));
}

function riskAnswer(result: DelayRiskResult): Answer {
  const { model, history } = result;
  const bandWord = { low: "Low", medium: "Medium", high: "High" }[result.band];
  const estimate: Fact = model.reliable
    ? {
        label: "Late probability",
        unit: "percent",
        value: result.probability,
        note: `${bandWord} risk`,
        higherIsBetter: false,
      }
    : {
        label: "Model estimate",
        unit: "text",
        value: null,
        text: "not reliable for this data",
        note: `the model says ${formatPercent(result.probability, 0)}, but it barely beats chance (ROC-AUC ${model.holdoutAuc?.toFixed(2) ?? "n/a"})`,
      };
  const facts: Fact[] = [
    estimate,
    ...(model.reliable ? [{ label: "Risk band", unit: "text" as const, value: null, text: bandWord }] : []),
    {
      label: `Observed late rate, same ${result.request.target.kind} & hour`,
      unit: "percent",
      value: history.slot.lateRate,
      nullText: "no orders yet",
      note: `${history.slot.orders} orders`,
    },
    { label: "Usual late rate", unit: "percent", value: model.trainLateRate, note: "all training orders" },
  ];
  const sections: Section[] = [];
  if (model.reliable) {
    sections.push({
      heading: "Why this risk (versus a typical order)",
      lines: result.contributions.map((c) => c.text),
    });
  }
  sections.push(historySection(history, result.label, result.request.hourOfDay));
  sections.push({ heading: "What to do", lines: result.recommendations });
  const { request } = result;
  const areaArg = request.target.kind === "zone" ? `zone=${request.target.zone}` : `area="${result.label}"`;
  const rerun = (promised: number) =>
    `/delay-risk ${areaArg} hour=${request.hourOfDay} day=${request.dayOfWeek} promised=${promised}`;
  return answer(NAME, `Delay risk — ${result.situation}`, {
    subtitle: `Model ${model.version}, trained ${model.trainedAt.slice(0, 10)}; hold-out ROC-AUC ${model.holdoutAuc?.toFixed(2) ?? "n/a"}`,
    facts,
    insights:
      model.reliable && result.band === "high"
        ? [{ level: "alert", text: `High delay risk for ${result.situation}.` }]
        : [],
    sections,
    tables:
      result.areas.length > 1
        ? [
            {
              columns: ["Area", "Orders", "Late probability"],
              rows: result.areas.map((a) => [a.area, String(a.orders), formatPercent(a.probability, 0)]),
            },
          ]
        : [],
    actions: [
      {
        id: "delay_risk_pad",
        label: `Try ${Math.round(request.promisedMinutes + 5)} min`,
        command: rerun(Math.round(request.promisedMinutes + 5)),
      },
      { id: "delay_risk_hotspots", label: "Tomorrow's hotspots", command: "/delay-risk hotspots" },
    ],
    warnings: result.warnings,
    data: { kind: "prediction", result },
  });
}

function historySection(history: DelayHistory, label: string, hour: number): Section {
  const rate = (r: { orders: number; lateRate: number | null }) =>
    r.lateRate === null ? "no orders" : `${formatPercent(r.lateRate, 0)} late of ${r.orders} orders`;
  return {
    heading: "Observed in your data",
    lines: [
      `${label} around ${formatHour(hour)}: ${rate(history.slot)}`,
      `${label}, all hours: ${rate(history.area)}`,
      `All areas around ${formatHour(hour)}: ${rate(history.hour)}`,
    ],
  };
}

function hotspotAnswer(
  report: HotspotReport,
  title = `Riskiest delivery slots — ${report.dayName} ${report.date}`,
): Answer {
  const reliable = report.model.reliable;
  return answer(NAME, title, {
    subtitle: `${report.slotsScored} area × hour slots with ${report.dayName} history, scored at their usual promise`,
    tables: [
      {
        columns: [
          "Area",
          "Hour",
          reliable ? "Late risk" : "Model score",
          "Orders/day",
          "Usual promise",
          "Expected late",
        ],
        rows: report.hotspots.map((h) => [
          h.area,
          formatHour(h.hourOfDay),
          `${formatPercent(h.probability, 0)}${reliable ? ` (${h.band})` : ""}`,
          h.ordersPerDay.toFixed(1),
          `${Math.round(h.typicalPromisedMinutes)} min`,
          h.expectedLateOrders.toFixed(1),
        ]),
      },
    ],
    actions: report.hotspots.slice(0, 3).map((h, i) => ({
      id: `delay_risk_hotspot_${i}`,
      label: `${h.area} ${formatHour(h.hourOfDay)}`,
      command: `/delay-risk area="${h.area}" hour=${h.hourOfDay} day=${report.dayOfWeek} promised=${Math.round(h.typicalPromisedMinutes)}`,
    })),
    warnings: report.warnings,
    data: { kind: "hotspots", report },
  });
}

function formAnswer(): Answer {
  return answer(NAME, "Delivery delay risk — choose a slot", {
    visibility: "ephemeral",
    sections: usageSections(),
    data: { kind: "form", form: NAME, fields: ["area", "day", "hour", "promised"] },
  });
}

function helpAnswer(): Answer {
  return answer(NAME, "/delay-risk — chance a delivery will be late", {
    visibility: "ephemeral",
    sections: [
      ...usageSections(),
      {
        heading: "How to read it",
        lines: [
          "Risk bands are relative to your usual late rate r: high from 1.5 × r, low below 0.75 × r.",
          "Reasons compare the slot with typical orders: +18 pts means 18 percentage points more risk.",
          "When the model barely beats chance on your data (hold-out ROC-AUC below 0.6), it says so and shows observed late rates instead.",
        ],
      },
    ],
  });
}

function usageSections(): Section[] {
  return [
    {
      heading: "Usage",
      lines: [
        '/delay-risk area="HSR Layout" hour=21 day=sat promised=10',
        "/delay-risk zone=South hour=9pm day=saturday promised=15min",
        "/delay-risk HSR Layout 9pm sat 10min",
        "/delay-risk hotspots [today | tomorrow | YYYY-MM-DD]",
        "Day: a name, 0–6 (0 = Sunday), today (default), tomorrow or a date. Hour: 0–23 or 9pm.",
      ],
    },
  ];
}

/** YYYY-MM-DD of today (+ offset) in the reporting time zone. */
function resolveDate(day: DaySpec, ctx: CommandContext): string {
  if (day.kind === "date") return day.date;
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: ctx.settings.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ctx.now());
  if (day.kind === "weekday") {
    const ahead = (day.dayOfWeek - weekdayOf(today) + 7) % 7;
    return shiftDate(today, ahead);
  }
  return shiftDate(today, day.offsetDays);
}

function weekdayFor(day: DaySpec, ctx: CommandContext): number {
  return day.kind === "weekday" ? day.dayOfWeek : weekdayOf(resolveDate(day, ctx));
}

function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}
