/**
 * Complaint themes recognised by the words customers use, each with what operations can do
 * about it. Used to group feedback when no model writes the answer, and by the digest.
 */
export interface Theme {
  id: string;
  label: string;
  pattern: RegExp;
  /** The theme's words as a websearch_to_tsquery string, to search for more of the same. */
  searchWords: string;
  recommendation: string;
}

/**
 * Tried in order and the first match wins, so specific problems come first and lateness, whose
 * words ("waiting", "hours") turn up in other complaints, comes last: "still waiting for my
 * refund" is about the refund.
 */
export const THEMES: readonly Theme[] = [
  {
    id: "damaged",
    searchWords:
      "damaged or broken or leaking or leaked or crushed or torn or spilled or cracked or squashed or packaging",
    label: "Damaged, leaking or badly packed items",
    pattern:
      /\b(damaged?|broken|leak(ed|ing|y)?|crushed|spill(ed|t)?|torn|dented|smashed|cracked|packaging|packed)\b/i,
    recommendation:
      "Audit packing at the stores involved: separate liquids and fragile items, use sealed bags for dairy, and check rider bags.",
  },
  {
    id: "quality",
    searchWords: "stale or rotten or expired or spoiled or fresh or smell",
    label: "Poor freshness or product quality",
    pattern:
      /\b(stale|rotten|expired?|expiry|spoil(ed|t)|fresh(ness)?|quality|smell(y|s|ed)?|mou?ldy?|sour|purana)\b/i,
    recommendation:
      "Tighten first-expiry-first-out and daily freshness checks for fruit, vegetables and dairy at the stores involved.",
  },
  {
    id: "missing",
    searchWords: "missing or incomplete or forgot or forgotten",
    label: "Missing items",
    pattern:
      /\b(missing|incomplete|forgot(ten)?|not delivered|nahi aaya|not in the bag|never (came|arrived))\b/i,
    recommendation:
      "Check the packing checklist and bag sealing at the stores involved, and refund missing items without waiting for a complaint.",
  },
  {
    id: "wrong",
    searchWords: "wrong or incorrect or instead or different or substitute",
    label: "Wrong items",
    pattern: /\b(wrong|incorrect|different|instead of|substitut\w*|but got)\b/i,
    recommendation:
      "Scan each picked item against the order before dispatch, and ask the customer before substituting.",
  },
  {
    id: "staff",
    searchWords: "rude or rudely or behaviour or misbehaved or shouted or impolite or argued",
    label: "Rude or unprofessional delivery staff",
    pattern:
      /\b(rude(ly|ness)?|behav\w*|impolite|attitude|unprofessional|shout(ed|ing)?|misbehav\w*|argu\w*|badtameez\w*)\b/i,
    recommendation:
      "Review the riders named in these complaints, retrain on customer conduct, and follow up with the customers.",
  },
  {
    id: "refund-payment",
    searchWords: "refund or refunded or money or debited or deducted or payment",
    label: "Refunds and payment problems",
    pattern:
      /\b(refunds?|refunded|money|charged|deducted|debited|payment|paisa|overcharg\w*|cashback|reimburs\w*)\b/i,
    recommendation:
      "Check refund turnaround and payment failures; set a maximum refund time and report on it.",
  },
  {
    id: "app",
    searchWords: "app or crash or crashed or checkout or login",
    label: "App and ordering problems",
    pattern: /\b((?<!another |other )apps?|crash(ed|es)?|glitch|bug|login|checkout|otp|website)\b/i,
    recommendation:
      "Share the reports with the app team with dates and areas so they can match them to releases and errors.",
  },
  {
    id: "price",
    searchWords: "price or prices or expensive or overpriced or fee or costly",
    label: "Prices and charges",
    pattern:
      /\b(price[sd]?|pricing|expensive|costly|costs? more|mrp|fee|surge|mehe?nga|overpriced|rip off)\b/i,
    recommendation:
      "Compare prices and delivery fees in these areas with competitors and review surge charges.",
  },
  {
    id: "availability",
    searchWords: "stock or unavailable or available",
    label: "Items out of stock",
    pattern: /\b(out of stock|unavailable|not available|sold out|stock)\b/i,
    recommendation:
      "Review stock levels against demand for the items named and raise minimum stock where they run out.",
  },
  {
    id: "support",
    searchWords: "support or care or response or resolved or ticket",
    label: "Customer support",
    pattern:
      /\b(support|customer care|helpline|no response|not resolved|unresolved|chat|ticket|no reply|(nobody|no one) (got back|replied|responded))\b/i,
    recommendation: "Check support response times and first-contact resolution for these customers.",
  },
  {
    id: "late-delivery",
    searchWords: "late or delay or delayed or slow or waited or waiting or forever",
    label: "Late or slow delivery",
    pattern:
      /\b(late|delay(ed|s)?|slow|wait(ed|ing)?|forever|took (too )?long|took \d+ ?min(ute)?s|hours?|not on time|past the promised|promised (time|\d+))\b/i,
    recommendation:
      "Check rider supply and dark-store dispatch times in the affected areas at the hours complaints peak; widen the promised time there until it recovers.",
  },
];

export const OTHER_THEME: Theme = {
  id: "other",
  searchWords: "",
  label: "Other complaints",
  pattern: /$^/,
  recommendation: "Read these complaints individually; they fit no common pattern yet.",
};

/** The first theme whose words the text uses, else the feedback's own category, else "other". */
export function themeOf(text: string, category: string | null): Theme {
  const byWords = THEMES.find((theme) => theme.pattern.test(text));
  if (byWords) return byWords;
  if (category?.trim()) {
    return {
      ...OTHER_THEME,
      id: `category:${category.trim().toLowerCase()}`,
      label: `${category.trim()} complaints`,
    };
  }
  return OTHER_THEME;
}

export interface ThemeGroup<T> {
  theme: Theme;
  /** Feedback rows (not distinct texts) in the theme. */
  count: number;
  /** Members, most frequent first. */
  items: T[];
}

interface Counted {
  text: string;
  category: string | null;
  occurrences: number;
  rating?: number | null;
  date?: string | null;
  id?: string;
}

/**
 * Groups counted feedback texts into themes, biggest theme first; within a theme the most
 * repeated text first, then the worst rated, then the most recent.
 */
export function groupByTheme<T extends Counted>(items: readonly T[]): ThemeGroup<T>[] {
  const groups = new Map<string, ThemeGroup<T>>();
  for (const item of items) {
    const theme = themeOf(item.text, item.category);
    const group = groups.get(theme.id) ?? { theme, count: 0, items: [] };
    group.count += item.occurrences;
    group.items.push(item);
    groups.set(theme.id, group);
  }
  for (const group of groups.values()) group.items.sort(byImportance);
  return [...groups.values()].sort((a, b) => b.count - a.count || a.theme.label.localeCompare(b.theme.label));
}

function byImportance(a: Counted, b: Counted): number {
  return (
    b.occurrences - a.occurrences ||
    (a.rating ?? 5) - (b.rating ?? 5) ||
    (b.date ?? "").localeCompare(a.date ?? "") ||
    (a.id ?? "").localeCompare(b.id ?? "")
  );
}
