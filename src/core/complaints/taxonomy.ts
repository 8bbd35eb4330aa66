/**
 * The complaint taxonomy: one stable id per cause a customer complains about. The ids are the
 * labels of the human-labelled real review set the classifier is developed on, so a stored theme,
 * a label and an evaluation row always mean the same thing; never rename one (add a new id and
 * migrate instead). Definitions follow that set's boundary conventions, which decide the cases a
 * reader could file either way (a refused return is a refund, not rude staff; a long wait that
 * ends in a cancellation is a cancellation).
 */
export const THEME_IDS = [
  "late_delivery",
  "missing_items",
  "wrong_items",
  "damaged_or_spoiled",
  "poor_quality_or_expired",
  "refund_or_payment",
  "rude_or_unhelpful_staff",
  "customer_support_unreachable",
  "app_bugs_or_ux",
  "pricing_or_fees",
  "out_of_stock_or_cancellation",
  "other",
] as const;

export type ThemeId = (typeof THEME_IDS)[number];

export interface ComplaintTheme {
  id: ThemeId;
  label: string;
  definition: string;
  recommendation: string;
}

const THEMES: Record<ThemeId, Omit<ComplaintTheme, "id">> = {
  late_delivery: {
    label: "Late or slow delivery",
    definition: "Delays, unrealistic or fake ETAs, an order stuck or still not delivered.",
    recommendation:
      "Check rider supply and dark-store dispatch times in the affected areas at the hours complaints peak; widen the promised time there until it recovers.",
  },
  missing_items: {
    label: "Missing items",
    definition:
      "Items absent from the bag, short weight or quantity, an empty box, a free or offer item not delivered, or an order marked delivered that never arrived.",
    recommendation:
      "Check the packing checklist and bag sealing at the stores involved, and refund missing items without waiting for a complaint.",
  },
  wrong_items: {
    label: "Wrong items",
    definition:
      "A different product, brand, variant or size from the one ordered, or an item that does not match its listing.",
    recommendation:
      "Scan each picked item against the order before dispatch, and ask the customer before substituting.",
  },
  damaged_or_spoiled: {
    label: "Damaged or spoiled in transit",
    definition:
      "Physically damaged, broken, leaking or crushed on arrival; frozen items melted; packs opened or tampered with.",
    recommendation:
      "Audit packing at the stores involved: separate liquids and fragile items, use sealed bags for dairy and cold bags for frozen goods, and check rider bags.",
  },
  poor_quality_or_expired: {
    label: "Poor quality or expired products",
    definition: "Stale, rotten, expired or near-expiry goods; used, fake or defective products.",
    recommendation:
      "Tighten first-expiry-first-out and daily freshness checks at the stores involved, and pull the batches named in these complaints.",
  },
  refund_or_payment: {
    label: "Refunds, returns and payments",
    definition:
      "Refund not received, delayed or given only as wallet credit; returns or replacements refused; double charges, money deducted without an order, payment failures, cash on delivery problems.",
    recommendation:
      "Check refund turnaround and payment failures, set a maximum refund time and report on it, and review which return refusals the policy really needs.",
  },
  rude_or_unhelpful_staff: {
    label: "Rude or unhelpful staff and support",
    definition:
      "Rider or agent behaviour, and support that replied but did not help (scripted answers, closed chats, denied claims).",
    recommendation:
      "Review the riders and support conversations named in these complaints, retrain on conduct, and give agents authority to resolve the common cases.",
  },
  customer_support_unreachable: {
    label: "Customer support unreachable",
    definition: "No phone number or human agent, bot-only help, no reply to emails or tickets.",
    recommendation:
      "Measure how often customers fail to reach a person; add an escalation path from the bot to a human for order problems.",
  },
  app_bugs_or_ux: {
    label: "App bugs and ordering problems",
    definition:
      "Crashes, slowness, login/OTP or blocked accounts, address or location errors, no way to cancel or edit an order, search, in-app help flows that fail.",
    recommendation:
      "Share these reports with the app team with dates and screens so they can match them to releases and errors.",
  },
  pricing_or_fees: {
    label: "Prices, fees and offers",
    definition:
      "Prices; delivery, handling, surge, small-cart, platform or late-night fees; membership charges; coupons, cashback or offers not honoured; prices changing at checkout.",
    recommendation:
      "Compare prices and fees with competitors in these areas, review the fees named here, and make sure offers shown are honoured at checkout.",
  },
  out_of_stock_or_cancellation: {
    label: "Out of stock or cancelled orders",
    definition:
      "Items unavailable; orders cancelled or returned by the company, store or rider; a store not accepting orders or no longer serving an area.",
    recommendation:
      "Review stock against demand for the items named, and find why orders are cancelled after being accepted (stock, riders, store hours).",
  },
  other: {
    label: "Other complaints",
    definition:
      "Too vague to place, service not offered in the area, packaging style, spam, missing invoice, or several complaints with none dominant.",
    recommendation: "Read these complaints individually; they fit no common cause yet.",
  },
};

export const COMPLAINT_THEMES: readonly ComplaintTheme[] = THEME_IDS.map((id) => ({ id, ...THEMES[id] }));

export function isThemeId(value: string): value is ThemeId {
  return (THEME_IDS as readonly string[]).includes(value);
}

export function complaintTheme(id: ThemeId): ComplaintTheme {
  return { id, ...THEMES[id] };
}
