import type { FeedbackFilter } from "../filter.ts";
import { defaultPeriod, type Period, parsePeriod } from "./period.ts";
import { type AreaIndex, type Place, parsePlace, type UnknownPlace } from "./places.ts";
import { FRAME_WORDS, parseTopic, type Topic } from "./topic.ts";

/** Ratings at or below this count as complaints ("why are customers unhappy"). */
export const COMPLAINT_MAX_RATING = 3;

export interface ParsedQuestion {
  question: string;
  place: Place;
  period: Period;
  /** Whether the question named the period or the default window applies. */
  periodGiven: boolean;
  topic: Topic;
  filter: FeedbackFilter;
}

export type QuestionParse = { ok: true; parsed: ParsedQuestion } | UnknownPlace;

/** Splits a manager's question into SQL filters (place, period, rating) and a topic to rank by. */
export function parseQuestion(question: string, context: { areas: AreaIndex; today: string }): QuestionParse {
  const placeParse = parsePlace(question, context.areas, FRAME_WORDS);
  if (!placeParse.ok) return placeParse;
  const { place } = placeParse;
  const named = parsePeriod(question, context.today);
  const period = named ?? defaultPeriod(context.today);
  let rest = question.toLowerCase();
  for (const text of [...place.matched, period.matched])
    if (text) rest = rest.replace(text.toLowerCase(), " ");
  const topic = parseTopic(rest);
  return {
    ok: true,
    parsed: {
      question,
      place,
      period,
      periodGiven: named !== null,
      topic,
      filter: {
        zone: place.zone,
        areaKeys: place.areaKeys.length > 0 ? place.areaKeys : null,
        from: period.from,
        to: period.to,
        maxRating: topic.complaintsOnly ? COMPLAINT_MAX_RATING : null,
      },
    },
  };
}
