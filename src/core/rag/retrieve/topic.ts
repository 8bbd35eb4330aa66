/**
 * What a question is about once place and period are taken out: the words worth searching
 * for, widened with the words customers actually use for the same complaint.
 */
export interface Topic {
  /** The question's topic phrase, without place, period and leading framing: what vector search embeds. */
  text: string;
  /** Content words of the question ("rude", "rider"). */
  terms: string[];
  /** Terms plus synonyms, as a websearch_to_tsquery string ("rude or impolite or …"); "" when none. */
  keywordQuery: string;
  /**
   * Whether a term is one of the complaint words customers use (a synonym-table entry). When
   * not, the question is probably paraphrased and its words are weak evidence for keyword search.
   */
  recognised: boolean;
  /** False when the question asks about praise ("what do customers love"); true otherwise. */
  complaintsOnly: boolean;
}

/** Words that frame a question but say nothing about its topic. */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again all also am an and any are as at be because been being but by can could customer " +
    "customers complain complaining complaint complaints did do does doing down during each feedback few for from " +
    "get getting go going had has have having he her here hers how i if in into is it its just last let me more most " +
    "much my no nor not now of off on once only or other our out over people person please past previous really " +
    "reason reasons said say saying says she should show so some such tell than that the their them then there these " +
    "they this those through to too under unhappy until up upset very was we were what whats when where which while who " +
    "why will with would you your zone zones region regions area areas week weeks month months day days today " +
    "yesterday happened happening issue issues problem problems angry dissatisfied dissatisfaction negative bad poor " +
    "frustrated unsatisfied disappointed lately recently our users user buyers shoppers getting got many main top " +
    "biggest common mostly explain summarise summarize summary blinkit"
  ).split(" "),
);

/**
 * What every order has: part of the phrase that is embedded ("items arriving in bad condition"),
 * never a search word — "items" would match every "wrong items" complaint.
 */
const OBJECT_WORDS: ReadonlySet<string> = new Set(
  "item items product products thing things stuff goods".split(" "),
);

const PRAISE = /\b(happy|love|loved|like|liked|praise|praised|satisfied|delighted|positive|good|great)\b/i;
const NEGATION = /\b(?:not|never|no|unhappy|dissatisfied|unsatisfied)\b|n't\b/i;

/** Customers' words for the same complaint; the key is the stem of a question word. */
const SYNONYMS: Record<string, string[]> = {
  late: ["late", "delay", "delayed", "slow", "wait", "waiting"],
  delay: ["late", "delay", "delayed", "slow", "wait"],
  slow: ["late", "delay", "slow", "wait"],
  rude: ["rude", "behaviour", "behavior", "impolite", "attitude", "unprofessional", "misbehave"],
  behaviour: ["rude", "behaviour", "behavior", "impolite", "attitude"],
  rider: ["rider", "delivery", "partner", "agent", "boy", "executive"],
  damaged: ["damaged", "broken", "leak", "leaking", "crushed", "spilled", "torn", "dented", "packaging"],
  broken: ["damaged", "broken", "leak", "crushed", "spilled"],
  packaging: ["packaging", "packed", "package", "damaged", "leak", "torn"],
  quality: ["quality", "stale", "expired", "rotten", "spoiled", "fresh", "bad"],
  stale: ["stale", "expired", "rotten", "spoiled", "fresh", "quality"],
  expired: ["expired", "expiry", "stale", "spoiled"],
  fresh: ["fresh", "stale", "rotten", "quality"],
  missing: ["missing", "incomplete", "forgot", "never"],
  wrong: ["wrong", "incorrect", "different", "instead"],
  refund: ["refund", "money", "charged", "return", "payment", "reimburse"],
  payment: ["payment", "charged", "deducted", "upi", "card", "refund"],
  app: ["app", "crash", "glitch", "bug", "checkout", "login", "slow"],
  price: ["price", "expensive", "costly", "overcharged", "mrp", "pricing"],
  expensive: ["price", "expensive", "costly", "overcharged"],
  stock: ["stock", "unavailable", "available", "availability", "sold"],
  support: ["support", "service", "helpline", "chat", "response", "resolved"],
};

export function parseTopic(remainingQuestion: string): Topic {
  const complaintsOnly = !PRAISE.test(remainingQuestion) || NEGATION.test(remainingQuestion);
  // Contractions ("don't", "what's") never carry the topic.
  const contentWords = unique(
    (remainingQuestion.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []).filter(
      (word) => word.length > 2 && !word.includes("'") && !FRAME_WORDS.has(word) && !PRAISE.test(word),
    ),
  );
  const terms = contentWords.filter((word) => !OBJECT_WORDS.has(word));
  const expanded = unique(terms.flatMap((term) => synonymsOf(term)));
  // The phrase from the first content word on: "orders taking too long to arrive", without the
  // "why are customers upset about" that every question shares and that blurs the embedding.
  const words = remainingQuestion
    .replace(/[?!.]+/g, " ")
    .trim()
    .split(/\s+/);
  const first = words.findIndex((word) => contentWords.includes(word.toLowerCase()));
  const text = (first < 0 ? words : words.slice(first)).join(" ");
  const recognised = terms.some((term) => synonymsOf(term).length > 1);
  return { text, terms, keywordQuery: expanded.join(" or "), recognised, complaintsOnly };
}

function synonymsOf(term: string): string[] {
  const stem = term.replace(/(ly|ness|ed|es|s)$/, "");
  return [term, ...(SYNONYMS[term] ?? SYNONYMS[stem] ?? [])];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
