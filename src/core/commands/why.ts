import { questionDay } from "../rag/context.ts";
import { explainFeedback, listFeedback } from "../rag/explain-feedback.ts";
import { detectMetricQuestion } from "../rag/metrics/detect.ts";
import { explainMetric } from "../rag/metrics/explain-metric.ts";
import { ragServiceOf } from "../rag/service.ts";
import { errorAnswer } from "./answer.ts";
import type { Command } from "./registry.ts";

const LIST_FLAG = /^--all\b\s*/;

/** `/why <question>`: why customers are unhappy, or why a number moved, from data and feedback. */
export const whyCommand: Command = {
  name: "why",
  summary: "Why customers are unhappy, from their feedback (root causes, impact, actions)",
  examples: [
    "/why are customers unhappy in the South zone?",
    "/why complaints about late delivery in Pune last week",
    "/why rude riders in HSR Layout in March",
    "/why did sales drop yesterday?",
  ],
  async run(args, ctx) {
    const question = args.trim();
    if (question === "" || question === "--all") {
      return errorAnswer(
        "why",
        "Ask me a question about customer feedback.",
        'For example: "/why are customers unhappy in the South zone last week?"',
      );
    }
    const rag = ragServiceOf(ctx);
    const deps = {
      db: ctx.db,
      rag,
      groq: ctx.settings.groq,
      today: await questionDay(ctx.db, ctx.now(), ctx.settings.timeZone),
    };
    if (LIST_FLAG.test(question)) return listFeedback(deps, question.replace(LIST_FLAG, ""));
    const metric = detectMetricQuestion(question);
    return metric ? explainMetric(deps, question, metric) : explainFeedback(deps, question);
  },
};
