import type { Texture } from "./catalog.ts";
import type { Cause } from "./incidents.ts";
import type { Rng } from "./rng.ts";

/**
 * Feedback sentences composed from openers, cause-specific cores, details and closers, with
 * the order's own products and minutes filled in. Thousands of distinct texts come out, in
 * the mix of English and Hinglish real app reviews have, plus the short repeated replies
 * ("Good", "Fast delivery") that dominate real exports.
 */
export interface ItemMention {
  /** What a customer calls it: "milk", "eggs". */
  noun: string;
  texture: Texture;
  perishable: boolean;
}

export interface TextContext {
  /** The order's products (at least one); complaints pick one that fits the cause. */
  items: readonly ItemMention[];
  minutesLate: number;
  promisedMinutes: number;
  minutesTaken: number;
  area: string;
  /** The planted sales-drop day: complaints mention the rain. */
  rain: boolean;
}

export type PraiseTopic =
  | "Delivery"
  | "Product Quality"
  | "Packaging"
  | "App Experience"
  | "Pricing"
  | "Customer Service";

export const PRAISE_TOPICS: readonly PraiseTopic[] = [
  "Delivery",
  "Product Quality",
  "Packaging",
  "App Experience",
  "Pricing",
  "Customer Service",
];

const COMPLAINT_CORES: Readonly<Record<Cause, readonly string[]>> = {
  late_delivery: [
    "order came {late} minutes late",
    "delivery took {taken} minutes, not {promised}",
    "the {promised} minute promise is a joke, waited {taken} mins",
    "my order arrived way past the promised time",
    "delivery was delayed again",
    "rider was very late and not picking up calls",
    "waited almost {taken} minutes for {product}",
    "app kept showing arriving in 2 mins for {late} minutes",
    "order bahut late aaya",
    "{product} reached so late that I bought it from the shop downstairs",
    "late delivery, {late} mins after the promised time",
    "delayed by {late} minutes with no update at all",
    "it took forever, {taken} minutes for a few groceries",
    "promised {promised} min, delivered in {taken}",
    "kitna late karoge yaar, {late} min late",
    "third late delivery this week",
    "perishable:the delivery was late and the {product} {was} warm",
    "order was stuck at 'packing' and then came {late} minutes late",
  ],
  damaged_packaging: [
    "the {product} packet was torn",
    "liquid:packaging was damaged and the {product} leaked all over the bag",
    "the box came crushed",
    "fragile:the {product} arrived broken",
    "the bag was torn and the {other} fell out",
    "fragile:poor packaging, the {product} {was} squashed",
    "everything was thrown in one bag and the {product} got damaged",
    "liquid:the seal on the {product} was broken, half of it spilled",
    "packing bilkul bekaar tha, {product} damaged",
    "liquid:damaged packaging again, {product} spilled everywhere",
    "liquid:the {product} bottle was cracked and leaking",
    "fragile:the {product} got crushed under the heavy items",
    "{product} and {other} packed together, both damaged",
  ],
  rude_partner: [
    "delivery partner was very rude",
    "the rider misbehaved when I asked him to come to the door",
    "delivery boy shouted at me over a small change issue",
    "rider was rude and threw the bag at the gate",
    "delivery partner refused to come upstairs and spoke rudely",
    "rider argued with our security guard and was rude to me",
    "the delivery guy was on a call the whole time and rude",
    "rider ne bahut badtameezi ki",
    "rude delivery partner, asked for extra money",
    "the delivery executive was impolite and impatient",
  ],
  wrong_items: [
    "received the wrong item, ordered {product} but got {other}",
    "got {other} instead of {product}",
    "wrong item delivered, {other} instead of {product}",
    "they sent a different brand of {product}",
    "ordered {product}, received something else entirely",
    "half the order was wrong items",
    "wrong size of {product} sent",
  ],
  missing_items: [
    "{product} {was} missing from my order",
    "two items were missing, including {product}",
    "charged for {product} but it was not in the bag",
    "{product} missing again",
    "order incomplete, {product} and {other} missing",
    "paid for {product}, never got it",
    "{product} nahi aaya, bill mein tha",
  ],
  stale_products: [
    "the {product} {was} expired",
    "perishable:the {product} {was} stale",
    "received expired {product}, expiry date was last week",
    "perishable:the {product} smelled bad, clearly stale",
    "perishable:the {product} {was} rotten",
    "the {product} {was} past the best before date",
    "perishable:got stale {product}, had to throw it away",
    "perishable:the {product} {was} not fresh at all, almost spoiled",
    "expired {product} delivered, very unsafe",
    "perishable:{product} ekdum purana tha",
  ],
  refund_not_processed: [
    "refund not received even after {days} days",
    "I cancelled the order but the money was not refunded",
    "refund for the missing {product} is still pending",
    "they promised a refund in 24 hours, it has been a week",
    "refund status shows processed but nothing in my account",
    "still waiting for my refund of Rs {amount}",
    "refund kab aayega? {days} din ho gaye",
  ],
  payment_failure: [
    "payment failed but the money got debited",
    "UPI payment got stuck and the order was not placed",
    "app crashed at checkout and Rs {amount} was deducted",
    "card payment failed three times",
    "amount debited twice for one order",
    "payment page keeps loading forever",
    "paisa kat gaya par order place nahi hua",
  ],
  high_prices: [
    "prices are much higher than the local kirana store",
    "{product} costs more here than at the supermarket",
    "handling fee and delivery charges are too high",
    "prices went up suddenly this month",
    "too expensive now, {product} price increased by Rs {small}",
    "overpriced compared to other apps",
    "small cart fee plus surge fee is a rip off",
    "bahut mehenga ho gaya hai, {product} ka price dekho",
  ],
  poor_support: [
    "customer care did not respond",
    "chat support keeps sending copy-paste replies",
    "no response from support for {days} days",
    "support closed my complaint without resolving it",
    "customer care executive disconnected the chat",
    "raised a ticket about the {product}, nobody got back",
  ],
};

const RAIN_CORES: readonly string[] = [
  "heavy rain is no excuse, order came {late} minutes late",
  "because of the waterlogging the delivery was delayed by {late} minutes",
  "roads flooded so the rider came very late",
  "in this rain I waited {taken} minutes for {product}",
  "barish ki wajah se {late} min late, at least inform karo",
  "rain delay again, {taken} minutes for one order",
];

const DETAILS: Readonly<Partial<Record<Cause, readonly string[]>>> = {
  late_delivery: [
    "I had guests waiting.",
    "Needed it for breakfast.",
    "The ice cream had melted.",
    "Kids were hungry.",
  ],
  damaged_packaging: ["Had to clean the whole bag.", "Photo uploaded in the app.", "Such a waste of food."],
  stale_products: ["My child could have eaten it.", "Check your stock properly.", "Food safety matters."],
  missing_items: ["Had to order again.", "Nobody checks before sealing the bag?"],
  wrong_items: ["Had to order again.", "Does anyone read the order?"],
  rude_partner: ["I was polite the whole time.", "Please train your riders."],
  refund_not_processed: ["Called support twice already.", "This is my money."],
  payment_failure: ["Bank says the money reached you.", "Tried on wifi and mobile data."],
  high_prices: ["Quick delivery is not worth this much.", "Compared it myself."],
  poor_support: ["Called three times.", "Very frustrating."],
};

const COMPLAINT_OPENERS: readonly string[] = [
  "Very disappointed.",
  "Not happy.",
  "Worst experience.",
  "Seriously?",
  "Honestly,",
  "Bhai,",
  "Yaar,",
  "Again!",
  "Third time this month.",
  "Pathetic service.",
  "Ugh.",
  "Hi team,",
  "Not expected from Blinkit.",
  "Bad experience today.",
];

const COMPLAINT_CLOSERS: readonly string[] = [
  "Please fix this.",
  "Will switch to another app.",
  "Very bad service.",
  "Kindly look into it.",
  "Pathetic.",
  "Disappointed.",
  "Please improve.",
  "Not ordering again.",
  "Sort it out.",
  "Do better.",
  "Totally unacceptable.",
  "This keeps happening in {area}.",
  "Kuch karo please.",
];

const PRAISE_CORES: Readonly<Record<PraiseTopic, readonly string[]>> = {
  Delivery: [
    "super fast delivery",
    "delivered in just {taken} minutes",
    "the rider was polite and quick",
    "came before the promised time",
    "fastest delivery ever",
    "{product} arrived in {taken} mins, amazing",
    "delivery partner was very courteous",
    "bahut jaldi aa gaya order",
  ],
  "Product Quality": [
    "perishable:the {product} {was} fresh",
    "good quality {product}",
    "fruits and vegetables were fresh",
    "perishable:{product} ekdum fresh tha",
    "fresh stock with a long expiry date",
    "{product} and {other} both in perfect condition",
  ],
  Packaging: [
    "neat packaging",
    "well packed, nothing damaged",
    "the {product} {was} packed carefully",
    "eggs came without a crack",
  ],
  "App Experience": [
    "the app is easy to use",
    "smooth checkout",
    "easy payment with UPI",
    "tracking was accurate",
  ],
  Pricing: [
    "good offers",
    "prices are reasonable",
    "got {product} cheaper than the market",
    "paisa vasool deals",
  ],
  "Customer Service": [
    "support resolved my issue quickly",
    "got my refund instantly",
    "customer care was helpful",
  ],
};

const PRAISE_OPENERS: readonly string[] = [
  "Great!",
  "Loved it.",
  "Wow,",
  "Impressed.",
  "Mast!",
  "Thanks Blinkit,",
  "Always reliable.",
];
const PRAISE_CLOSERS: readonly string[] = [
  "Keep it up.",
  "Will order again.",
  "Thank you!",
  "5 stars.",
  "Highly recommended.",
  "Lifesaver!",
  "Good job.",
];

/** Lukewarm reviews by topic; the general ones fit any topic. */
const NEUTRAL_GENERAL: readonly string[] = [
  "okay experience",
  "average, nothing special",
  "theek tha",
  "fine I guess",
];
const NEUTRAL_CORES: Readonly<Record<PraiseTopic, readonly string[]>> = {
  Delivery: [
    "took a bit longer than promised but fine",
    "good but could be faster",
    "delivery was okay, rider a bit confused",
  ],
  "Product Quality": [
    "delivery was fine, the {product} {was} decent",
    "perishable:the {product} {was} okay, the {other} could be fresher",
    "average quality {product}",
  ],
  Packaging: ["packaging was okay", "packing could be better, nothing damaged though"],
  "App Experience": ["the app is okay, a bit slow sometimes", "checkout works, search could be better"],
  Pricing: ["decent service, prices a bit high", "prices are okay, offers were better earlier"],
  "Customer Service": ["support replied but took a while", "customer care was okay"],
};

/** Short replies that real exports repeat thousands of times. */
const SHORT_POSITIVE: readonly string[] = [
  "Good",
  "Nice",
  "Very good",
  "Excellent service",
  "Good service",
  "Awesome",
];
const SHORT_FAST: readonly string[] = ["Fast delivery", "Super fast", "Quick delivery"];
const SHORT_NEUTRAL: readonly string[] = ["Ok", "Average", "Okay", "Fine"];
const SHORT_NEGATIVE: readonly string[] = [
  "Bad experience",
  "Not satisfied",
  "Poor service",
  "Worst service",
];
const SHORT_LATE: readonly string[] = ["Late delivery", "Very late", "Delivery late"];

export function complaintText(rng: Rng, cause: Cause, ctx: TextContext): string {
  if (!ctx.rain && rng.chance(0.06)) return rng.pick(cause === "late_delivery" ? SHORT_LATE : SHORT_NEGATIVE);
  const cores =
    ctx.rain && cause === "late_delivery" && rng.chance(0.7) ? RAIN_CORES : COMPLAINT_CORES[cause];
  const parts: string[] = [];
  if (rng.chance(0.35)) parts.push(rng.pick(COMPLAINT_OPENERS));
  parts.push(sentence(compose(rng, cores, ctx, CAUSE_PREFERS[cause])));
  const details = DETAILS[cause];
  if (details && rng.chance(0.3)) parts.push(rng.pick(details));
  if (rng.chance(0.45)) parts.push(compose(rng, COMPLAINT_CLOSERS, ctx));
  return style(rng, joinParts(parts));
}

export function praiseText(rng: Rng, topic: PraiseTopic, ctx: TextContext): string {
  if (rng.chance(0.35))
    return rng.pick(topic === "Delivery" && rng.chance(0.6) ? SHORT_FAST : SHORT_POSITIVE);
  const parts: string[] = [];
  if (rng.chance(0.3)) parts.push(rng.pick(PRAISE_OPENERS));
  parts.push(sentence(compose(rng, PRAISE_CORES[topic], ctx, (i) => i.perishable)));
  if (rng.chance(0.4)) parts.push(rng.pick(PRAISE_CLOSERS));
  return style(rng, joinParts(parts));
}

/** A middling review that mentions a problem lightly. */
export function neutralText(rng: Rng, cause: Cause, ctx: TextContext): string {
  if (rng.chance(0.25)) return rng.pick(SHORT_NEUTRAL);
  const core = compose(rng, COMPLAINT_CORES[cause], ctx, CAUSE_PREFERS[cause]);
  const lead = rng.pick(["Okay overall, but", "Mostly fine,", "Average.", "Not bad, but", "Three stars."]);
  return style(rng, joinParts([lead, sentence(core)]));
}

/** A middling review about a topic, with no particular complaint. */
export function lukewarmText(rng: Rng, topic: PraiseTopic, ctx: TextContext): string {
  if (rng.chance(0.25)) return rng.pick(SHORT_NEUTRAL);
  const cores = rng.chance(0.3) ? NEUTRAL_GENERAL : NEUTRAL_CORES[topic];
  return style(rng, sentence(compose(rng, cores, ctx)));
}

/** Which of the order's products a complaint about this cause is most likely to be about. */
const CAUSE_PREFERS: Readonly<Partial<Record<Cause, (item: ItemMention) => boolean>>> = {
  stale_products: (i) => i.perishable,
  damaged_packaging: (i) => i.texture !== "solid",
};

/** A template may start with a tag ("liquid:", "fragile:", "perishable:") naming what its product must be. */
const TAG = /^(liquid|fragile|perishable):/;

function suits(template: string, item: ItemMention, hasOther: boolean): boolean {
  const tag = TAG.exec(template)?.[1];
  if (tag === "perishable" && !item.perishable) return false;
  if ((tag === "liquid" || tag === "fragile") && item.texture !== tag) return false;
  return hasOther || !template.includes("{other}");
}

/** Picks a product of the order (preferring ones that fit), then a template that suits it, and fills it in. */
function compose(
  rng: Rng,
  templates: readonly string[],
  ctx: TextContext,
  prefer?: (item: ItemMention) => boolean,
): string {
  const preferred = prefer ? ctx.items.filter(prefer) : [];
  const item = preferred.length > 0 && rng.chance(0.8) ? rng.pick(preferred) : rng.pick(ctx.items);
  const others = ctx.items.filter((i) => i !== item);
  const usable = templates.filter((t) => suits(t, item, others.length > 0));
  const template = rng.pick(usable.length > 0 ? usable : templates).replace(TAG, "");
  const other = others.length > 0 ? rng.pick(others).noun : "other items";
  return template
    .replaceAll("{was}", isPlural(item.noun) ? "were" : "was")
    .replaceAll("{product}", item.noun)
    .replaceAll("{other}", other)
    .replaceAll("{late}", String(ctx.minutesLate))
    .replaceAll("{taken}", String(ctx.minutesTaken))
    .replaceAll("{promised}", String(ctx.promisedMinutes))
    .replaceAll("{area}", ctx.area)
    .replaceAll("{days}", String(rng.int(3, 12)))
    .replaceAll("{amount}", String(rng.int(80, 1500)))
    .replaceAll("{small}", String(rng.int(5, 60)));
}

/** Good enough for the catalogue's nouns: "eggs", "chips", "bananas" take "were". */
function isPlural(noun: string): boolean {
  return noun.endsWith("s");
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** "Honestly," and "Not bad, but" lead into the next sentence, which then continues in lower case. */
function joinParts(parts: readonly string[]): string {
  let out = "";
  for (const part of parts) {
    if (out === "") out = part;
    else if (/[.!?]$/.test(out)) out += ` ${part}`;
    else out += ` ${/^[A-Z][a-z]/.test(part) ? part.charAt(0).toLowerCase() + part.slice(1) : part}`;
  }
  return out;
}

/** Real reviews are typed on phones: some all lower case, some without the final full stop, some shouting. */
function style(rng: Rng, text: string): string {
  const roll = rng.next();
  if (roll < 0.15) return text.toLowerCase();
  if (roll < 0.25) return text.replace(/\.$/, "");
  if (roll < 0.29) return text.replace(/\.$/, "!!");
  return text;
}
