import { type Answer, answer, errorAnswer, type Fact, type Insight, type Table } from "../commands/answer.ts";
import { suggestAreas, ZONES } from "../data/zones.ts";
import { sqlQuery } from "../db/sql-files.ts";
import type { Db } from "../db/types.ts";
import { formatCount } from "../format/numbers.ts";
import { composeFeedbackAnswer, type Explanation } from "./answer/compose.ts";
import { summariseExtractively } from "./answer/extractive.ts";
import { type Impact, measureImpact } from "./answer/impact.ts";
import { analyse, type GroqSettings, LlmUnavailableError } from "./answer/llm.ts";
import { buildMessages } from "./answer/prompt.ts";
import type { Theme } from "./answer/themes.ts";
import { type FeedbackFilter, filterParams } from "./filter.ts";
import { type ParsedQuestion, parseQuestion } from "./retrieve/question.ts";
import { askedTheme, isAbout, type Retrieval, retrieve } from "./retrieve/retrieve.ts";
import { parseTopic } from "./retrieve/topic.ts";
import type { RagService } from "./service.ts";

export interface ExplainDeps {
  db: Db;
  rag: RagService;
  groq?: GroqSettings;
  /** The day questions are relative to (see questionDay). */
  today: string;
}

const COMMAND = "why";
const LIST_LIMIT = 200;

/** Parses a question into filters, or the error answer for an unknown zone. */
export async function parseFeedbackQuestion(
  deps: ExplainDeps,
  question: string,
): Promise<{ parsed: ParsedQuestion } | { error: Answer }> {
  const result = parseQuestion(question, { areas: await deps.rag.areaIndex(), today: deps.today });
  if (result.ok) return { parsed: result.parsed };
  const zones = `one of the zones ${result.knownZones.join(", ")}`;
  if (result.kind === "zone") {
    return {
      error: errorAnswer(
        COMMAND,
        `I don't know the zone "${result.name}".`,
        `Ask about ${zones}, or name a city or locality, e.g. "/why unhappy in the South zone last week".`,
      ),
    };
  }
  const close = await suggestAreas(deps.db, result.name, 3);
  return {
    error: errorAnswer(
      COMMAND,
      `I have no customers in a place called "${result.name}".`,
      `${close.length > 0 ? `Did you mean ${close.map((area) => `"${area}"`).join(", ")}? ` : ""}Or ask about ${zones}.`,
      { data: { suggestions: close } },
    ),
  };
}

/** "Why are customers unhappy in the South zone?": retrieval, SQL impact, AI or extractive explanation. */
export async function explainFeedback(deps: ExplainDeps, question: string): Promise<Answer> {
  const parsedOrError = await parseFeedbackQuestion(deps, question);
  if ("error" in parsedOrError) return parsedOrError.error;
  const { parsed } = parsedOrError;
  const scope = describeScope(parsed);
  if (!parsed.topic.complaintsOnly) return praiseAnswer(question, parsed, scope);
  const asked = await retrieveFor(deps, parsed);
  const { warnings } = asked;
  let { retrieval } = asked;
  const insights: Insight[] = [];
  if (retrieval.topicFound === false && retrieval.matching.texts > 0) {
    // Nothing uses the customers' words for the topic: say so, then show what they did say,
    // rather than passing the nearest unrelated complaints off as the answer.
    insights.push({
      level: "info",
      text: `No ${complaintsOrFeedback(parsed)} about “${parsed.topic.terms.join(" ")}” — ${scopeHeadline(parsed)}; below is what customers did raise.`,
    });
    ({ retrieval } = await retrieveFor(deps, { filter: parsed.filter, topic: parseTopic("") }));
  }
  if (retrieval.items.length === 0) {
    return answer(COMMAND, `No matching feedback — ${scope}`, {
      insights: [
        {
          level: "info",
          text:
            asked.retrieval.topicFound === false && asked.retrieval.matching.texts > 0
              ? `No ${complaintsOrFeedback(parsed)} about “${parsed.topic.terms.join(" ")}” — ${scopeHeadline(parsed)}.`
              : `No ${complaintsOrFeedback(parsed)} were recorded for ${scope}.`,
        },
      ],
      sections: [
        {
          heading: "Try",
          lines: [
            "A longer period, e.g. “last month” or “in March”.",
            `A zone (${ZONES.join(", ")}) or a city instead of a locality.`,
          ],
        },
      ],
      warnings,
      data: { question, scope, filter: parsed.filter, retrieved: [] },
    });
  }
  // A question about one theme ("rude riders") is answered from that theme's complaints only;
  // the nearest others would otherwise be presented as its causes.
  const theme = retrieval.topicFound ? askedTheme(parsed.topic) : null;
  const leadFacts: Fact[] = [];
  if (theme) {
    retrieval = { ...retrieval, items: retrieval.items.filter((item) => isAbout(item, theme)) };
    leadFacts.push(await themeFact(deps.db, parsed.filter, theme, retrieval.matching.feedback));
  }
  const impact = await measureImpact(deps.db, parsed.filter);
  const explanation = await explain(deps.groq, question, scope, retrieval, impact, {}, warnings);
  return composeFeedbackAnswer({
    command: COMMAND,
    question,
    title: `Why customers are unhappy — ${scopeHeadline(parsed)}`,
    scope,
    items: retrieval.items,
    matchingFeedback: retrieval.matching.feedback,
    showAllCommand: `/why --all ${question}`,
    impact,
    explanation,
    leadFacts,
    insights,
    warnings,
    data: { filter: parsed.filter, ranking: retrieval.mode, topicFound: retrieval.topicFound },
  });
}

/** How many of the complaints in scope use the theme's words, as the answer's first number. */
async function themeFact(db: Db, filter: FeedbackFilter, theme: Theme, inScope: number): Promise<Fact> {
  const { rows } = await db.query<{ feedback: number }>(sqlQuery("rag_theme_count"), [
    ...filterParams(filter),
    theme.searchWords,
  ]);
  return {
    label: `About ${theme.label.charAt(0).toLowerCase()}${theme.label.slice(1)}`,
    unit: "count",
    value: rows[0]?.feedback ?? 0,
    note: `of ${formatCount(inScope)} in scope`,
  };
}

/**
 * "What do customers love?": themes, impact and playbooks here are built for complaints, so a
 * praise question gets the honest alternative — every review in scope — not complaints framed
 * as praise.
 */
function praiseAnswer(question: string, parsed: ParsedQuestion, scope: string): Answer {
  return answer(COMMAND, `What customers say — ${scopeHeadline(parsed)}`, {
    visibility: "ephemeral",
    insights: [
      {
        level: "info",
        text: "I explain what customers complain about; praise isn't summarised yet. The button lists every review in scope, praise included.",
      },
    ],
    sections: [
      {
        heading: "Try",
        lines: [`/why --all ${question}`, "/why why are customers unhappy last week?"],
      },
    ],
    actions: [{ id: "why-show-all", label: "Show all reviews", command: `/why --all ${question}` }],
    warnings: [],
    data: { question, scope, filter: parsed.filter },
  });
}

function complaintsOrFeedback(parsed: ParsedQuestion): string {
  return parsed.filter.maxRating !== null ? "complaints" : "feedback";
}

/** Retrieval with the warnings that belong to it (keyword-only while the index builds). */
export async function retrieveFor(
  deps: ExplainDeps,
  parsed: Pick<ParsedQuestion, "filter" | "topic">,
): Promise<{ retrieval: Retrieval; warnings: string[] }> {
  const vectors = deps.rag.vectorRanking();
  const warnings = [...deps.rag.warnings];
  const reason = vectors ? null : deps.rag.keywordOnlyReason();
  if (reason) warnings.push(reason);
  const retrieval = await retrieve(deps.db, parsed, vectors, { k: 20 });
  return { retrieval, warnings };
}

/**
 * The model's analysis when a key is configured and the reply is usable; otherwise the
 * extractive summary, with a warning that says why — never a silent failure.
 */
export async function explain(
  groq: GroqSettings | undefined,
  question: string,
  scope: string,
  retrieval: Retrieval,
  impact: Impact,
  extraNumbers: Record<string, unknown>,
  warnings: string[],
): Promise<Explanation> {
  const extractive: Explanation = { source: "extractive", summary: summariseExtractively(retrieval.items) };
  if (!groq?.apiKey) {
    warnings.push(
      "No GROQ_API_KEY is set, so this summary is not AI-written. Set it to get an AI explanation.",
    );
    return extractive;
  }
  const messages = buildMessages({
    question,
    scope,
    numbers: { ...extraNumbers, complaints: impactNumbersForModel(impact) },
    feedback: retrieval.items,
  });
  try {
    const analysis = await analyse(groq, messages, new Set(retrieval.items.map((item) => item.id)));
    return { source: "ai", model: groq.model, analysis };
  } catch (error) {
    if (!(error instanceof LlmUnavailableError)) throw error;
    warnings.push(`The AI summary is unavailable (${error.message}), so this summary is not AI-written.`);
    return extractive;
  }
}

function impactNumbersForModel(impact: Impact): Record<string, number | null> {
  return {
    complaints_in_period: impact.complaints,
    complaints_previous_period: impact.previousComplaints,
    customers_who_complained: impact.complainers,
    customers_in_scope: impact.placeCustomers,
    share_of_customers_percent:
      impact.complainerShare === null ? null : round(impact.complainerShare * 100, 1),
    avg_order_value_inr: impact.avgOrderValue === null ? null : round(impact.avgOrderValue, 0),
    orders_per_month_per_customer:
      impact.monthlyOrdersPerCustomer === null ? null : round(impact.monthlyOrdersPerCustomer, 1),
    monthly_revenue_at_risk_inr:
      impact.monthlyRevenueAtRisk === null ? null : round(impact.monthlyRevenueAtRisk, 0),
  };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** "/why --all …": every feedback row in scope, newest first. */
export async function listFeedback(deps: ExplainDeps, question: string): Promise<Answer> {
  const parsedOrError = await parseFeedbackQuestion(deps, question);
  if ("error" in parsedOrError) return parsedOrError.error;
  const { parsed } = parsedOrError;
  const { rows } = await deps.db.query<{
    feedback_id: string;
    feedback_text: string;
    day: string | null;
    area: string | null;
    rating: number | null;
  }>(sqlQuery("rag_feedback_list"), [...filterParams(parsed.filter), LIST_LIMIT + 1]);
  const shown = rows.slice(0, LIST_LIMIT);
  const table: Table = {
    columns: ["Date", "Area", "Rating", "Feedback", "ID"],
    rows: shown.map((row) => [
      row.day ?? "",
      row.area ?? "",
      row.rating === null ? "" : String(row.rating),
      row.feedback_text.trim(),
      row.feedback_id,
    ]),
  };
  return answer(COMMAND, `Feedback — ${scopeHeadline(parsed)}`, {
    subtitle: describeScope(parsed),
    tables: [table],
    warnings:
      rows.length > LIST_LIMIT
        ? [`Showing the newest ${formatCount(LIST_LIMIT)}; narrow the period or place to see the rest.`]
        : [],
    visibility: "ephemeral",
    data: { question, filter: parsed.filter, feedback: shown },
  });
}

function placeLabel(parsed: Pick<ParsedQuestion, "place">): string {
  if (parsed.place.areas.length > 0) return parsed.place.areas.join(", ");
  if (parsed.place.zone) return `${parsed.place.zone} zone`;
  return "all areas";
}

function scopeHeadline(parsed: ParsedQuestion): string {
  return `${placeLabel(parsed)}, ${parsed.period.label}`;
}

/** The filters in words, e.g. "South zone · 2024-03-04 to 2024-03-10 · ratings 1–3". */
export function describeScope(
  parsed: Pick<ParsedQuestion, "place" | "period" | "filter" | "periodGiven">,
): string {
  const parts = [
    placeLabel(parsed),
    `${parsed.period.from} to ${parsed.period.to}${parsed.periodGiven ? "" : " (default: last 30 days)"}`,
    ratingLabel(parsed.filter),
  ];
  return parts.join(" · ");
}

function ratingLabel(filter: FeedbackFilter): string {
  return filter.maxRating === null ? "all ratings" : `ratings 1–${filter.maxRating}`;
}
