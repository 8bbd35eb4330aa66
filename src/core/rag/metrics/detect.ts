/** The business number a why-question is about. */
export type Metric = "revenue" | "orders" | "aov" | "roas";

const METRIC_WORDS: Array<[Metric, RegExp]> = [
  ["roas", /\b(roas|return on ad spend)\b/i],
  ["aov", /\b(aov|average order value|basket size|order value)\b/i],
  ["orders", /\b(orders|order count|order volume)\b/i],
  ["revenue", /\b(sales|revenue|gmv|turnover|business|income)\b/i],
];
const MOVEMENT =
  /\b(drop(ped|s)?|fall|fell|falling|down|decline[ds]?|declining|dip(ped)?|slump(ed)?|lower|low|spike[ds]?|jump(ed)?|rise|rose|rising|up|increase[ds]?|decrease[ds]?|higher|high|change[ds]?|move[ds]?)\b/i;

/**
 * "Why did sales drop yesterday?" is about a number, not about feedback: a metric word plus
 * a movement word. "Why are orders late?" names no movement and stays a feedback question.
 */
export function detectMetricQuestion(question: string): Metric | null {
  if (!MOVEMENT.test(question)) return null;
  return METRIC_WORDS.find(([, pattern]) => pattern.test(question))?.[0] ?? null;
}
