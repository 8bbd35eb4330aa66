import {
  type Answer,
  answer,
  type Fact,
  type Insight,
  type Quote,
  type Section,
} from "../../commands/answer.ts";
import { formatCount, formatInr, formatPercent } from "../../format/numbers.ts";
import type { RetrievedFeedback } from "../retrieve/retrieve.ts";
import {
  type ExtractiveSummary,
  themeLines,
  themeQuotes,
  themeRecommendations,
  toQuote,
} from "./extractive.ts";
import type { Impact } from "./impact.ts";
import type { Analysis } from "./llm.ts";

export type Explanation =
  | { source: "ai"; model: string; analysis: Analysis }
  | { source: "extractive"; summary: ExtractiveSummary };

export interface FeedbackAnswerInput {
  command: string;
  question: string;
  title: string;
  scope: string;
  items: readonly RetrievedFeedback[];
  /** Feedback rows in scope, and the command line that lists them (the "show all" button). */
  matchingFeedback: number;
  showAllCommand: string;
  impact: Impact;
  explanation: Explanation;
  /** Extra fact/sections placed before the feedback ones (the KPI decomposition). */
  leadFacts?: Fact[];
  leadSections?: Section[];
  insights?: Insight[];
  warnings: string[];
  data?: Record<string, unknown>;
}

const MAX_QUOTES = 6;

export function composeFeedbackAnswer(input: FeedbackAnswerInput): Answer {
  const { explanation, impact } = input;
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const causes: Section =
    explanation.source === "ai"
      ? {
          heading: "Root causes",
          lines: explanation.analysis.root_causes.map(
            (cause, i) =>
              `${i + 1}. ${cause.title}${cause.explanation ? ` — ${cause.explanation}` : ""} (feedback ${cause.feedback_ids.join(", ")})`,
          ),
        }
      : { heading: "Root causes (grouped from the feedback)", lines: themeLines(explanation.summary) };
  const recommendations: Section = {
    heading:
      explanation.source === "ai" ? "Recommendations" : "Recommendations (standard playbook per theme)",
    lines:
      explanation.source === "ai"
        ? explanation.analysis.recommendations
        : themeRecommendations(explanation.summary),
  };
  const impactSection: Section = { heading: "Business impact", lines: impactLines(impact) };
  if (explanation.source === "ai" && explanation.analysis.business_impact) {
    const knownNumbers = impactNumbers(impact);
    if (numbersAgree(explanation.analysis.business_impact, knownNumbers)) {
      impactSection.lines.push(explanation.analysis.business_impact);
    }
  }
  const quotes: Quote[] =
    explanation.source === "ai"
      ? uniqueQuotes(
          explanation.analysis.root_causes.flatMap((cause) =>
            cause.feedback_ids.flatMap((id) => {
              const item = byId.get(id);
              return item ? [toQuote(item)] : [];
            }),
          ),
        )
      : themeQuotes(explanation.summary);
  return answer(input.command, input.title, {
    subtitle:
      explanation.source === "ai"
        ? `${input.scope} · AI summary (${explanation.model}) of the ${input.items.length} most relevant feedback texts; numbers from the database`
        : `${input.scope} · Not AI-written: the ${input.items.length} most relevant feedback texts grouped by theme`,
    facts: [...(input.leadFacts ?? []), ...impactFacts(impact)],
    insights: input.insights ?? [],
    sections: [...(input.leadSections ?? []), causes, impactSection, recommendations],
    quotes: quotes.slice(0, MAX_QUOTES),
    actions:
      input.matchingFeedback > 0
        ? [
            {
              id: "why-show-all",
              label: `Show all ${formatCount(input.matchingFeedback)} feedback`,
              command: input.showAllCommand,
            },
          ]
        : [],
    warnings: input.warnings,
    data: {
      question: input.question,
      scope: input.scope,
      source: explanation.source,
      impact,
      analysis: explanation.source === "ai" ? explanation.analysis : undefined,
      themes:
        explanation.source === "extractive"
          ? explanation.summary.themes.map((group) => ({
              theme: group.theme.label,
              count: group.count,
              feedbackIds: group.items.map((item) => item.id),
            }))
          : undefined,
      retrieved: input.items,
      ...input.data,
    },
  });
}

function impactFacts(impact: Impact): Fact[] {
  return [
    {
      label: "Complaints",
      unit: "count",
      value: impact.complaints,
      previous: impact.previousComplaints ?? undefined,
      higherIsBetter: false,
    },
    { label: "Customers who complained", unit: "count", value: impact.complainers },
    {
      label: "Share of the area's customers",
      unit: "percent",
      value: impact.complainerShare,
      nullText: "no customers on record",
    },
    {
      label: "Monthly revenue at risk",
      unit: "inr",
      value: impact.monthlyRevenueAtRisk,
      nullText: "no recent orders",
      note: "what the complaining customers spent per month over the last 90 days",
    },
  ];
}

export function impactLines(impact: Impact): string[] {
  const lines = [
    `${formatCount(impact.complainers)} ${impact.complainers === 1 ? "customer" : "customers"} complained` +
      (impact.complainerShare !== null
        ? ` — ${formatPercent(impact.complainerShare)} of the ${formatCount(impact.placeCustomers)} customers in scope.`
        : "."),
  ];
  if (impact.avgOrderValue !== null && impact.monthlyOrdersPerCustomer !== null) {
    lines.push(
      `They order ${impact.monthlyOrdersPerCustomer.toFixed(1)} times a month at ${formatInr(impact.avgOrderValue)} on average: ` +
        `${formatInr(impact.monthlyRevenueAtRisk ?? 0)} of monthly revenue at risk if they leave.`,
    );
  }
  if (impact.previousComplaints !== null) {
    const change = impact.complaints - impact.previousComplaints;
    lines.push(
      change === 0
        ? `Complaints are flat against the previous period (${formatCount(impact.previousComplaints)}).`
        : `Complaints ${change > 0 ? "rose" : "fell"} from ${formatCount(impact.previousComplaints)} to ${formatCount(impact.complaints)} against the previous period of the same length.`,
    );
  }
  return lines;
}

function impactNumbers(impact: Impact): number[] {
  const values = [
    impact.complaints,
    impact.previousComplaints,
    impact.complainers,
    impact.placeCustomers,
    impact.complainerShare === null ? null : impact.complainerShare * 100,
    impact.avgOrderValue,
    impact.monthlyOrdersPerCustomer,
    impact.monthlyRevenueAtRisk,
    impact.previousComplaints === null ? null : impact.complaints - impact.previousComplaints,
  ];
  return values.filter((value): value is number => value !== null);
}

/**
 * True when every number in the model's sentence is one of ours (within rounding), so a
 * model-phrased impact can be shown without letting it invent figures.
 */
export function numbersAgree(text: string, known: readonly number[]): boolean {
  const found = text.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  return found.every((raw) => {
    const value = Number(raw.replace(/,/g, ""));
    return known.some((k) => Math.abs(Math.abs(k) - value) <= Math.max(1, Math.abs(k) * 0.01));
  });
}

function uniqueQuotes(quotes: Quote[]): Quote[] {
  const seen = new Set<string>();
  return quotes.filter((quote) => !seen.has(quote.id) && seen.add(quote.id));
}
