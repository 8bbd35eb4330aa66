import { AREAS, type Zone } from "./areas.ts";
import { isoDate, monthBounds } from "./calendar.ts";
import { type GenerateOptions, type ResolvedOptions, resolveOptions } from "./options.ts";

/** Why customers complain; each planted incident makes one or two of these spike. */
export type Cause =
  | "late_delivery"
  | "damaged_packaging"
  | "rude_partner"
  | "wrong_items"
  | "missing_items"
  | "stale_products"
  | "refund_not_processed"
  | "payment_failure"
  | "high_prices"
  | "poor_support";

export const FEEDBACK_CATEGORY: Readonly<Record<Cause, string>> = {
  late_delivery: "Delivery",
  damaged_packaging: "Packaging",
  rude_partner: "Delivery",
  wrong_items: "Order Accuracy",
  missing_items: "Order Accuracy",
  stale_products: "Product Quality",
  refund_not_processed: "Customer Service",
  payment_failure: "App Experience",
  high_prices: "Pricing",
  poor_support: "Customer Service",
};

/** Words the planted complaints use, for keyword retrieval and for labelling evaluation questions. */
export const CAUSE_KEYWORDS: Readonly<Record<Cause, readonly string[]>> = {
  late_delivery: ["late", "delay", "delayed", "waited"],
  damaged_packaging: ["damaged", "packaging", "torn", "leaking", "broken"],
  rude_partner: ["rude", "delivery partner", "rider", "misbehaved"],
  wrong_items: ["wrong", "instead of", "different"],
  missing_items: ["missing", "not in the bag"],
  stale_products: ["expired", "stale", "rotten", "not fresh"],
  refund_not_processed: ["refund", "not refunded"],
  payment_failure: ["payment", "debited", "deducted", "failed"],
  high_prices: ["price", "expensive", "overpriced", "fee", "costs more"],
  poor_support: ["customer care", "support", "no response"],
};

export interface IncidentEffects {
  /** Added to the lateness log-odds of orders in scope. */
  lateLogitBoost: number;
  /** Chance that a delivered order in scope draws a complaint about the incident's causes. */
  complaintShare: number;
  /** Multiplies the number of orders in scope (1 = unchanged). */
  orderVolumeFactor: number;
  /** Multiplies the day's marketing spend (1 = unchanged). */
  spendFactor: number;
}

export interface PlantedIncident {
  id: string;
  /** complaints: negative feedback spikes; sales_drop: orders fall; spend_surge: spend rises, sales flat. */
  kind: "complaints" | "sales_drop" | "spend_surge";
  /** Whether a whole zone, one city or the whole country is affected. */
  scope: "zone" | "city" | "national";
  /** Zone of the affected cities; null when national. */
  zone: Zone | null;
  /** Cities affected (every city of the zone for a zone-level incident; empty when nationwide). */
  areas: string[];
  /** Inclusive `YYYY-MM-DD` dates. */
  start: string;
  end: string;
  causes: Cause[];
  keywords: string[];
  description: string;
  effects: IncidentEffects;
}

/** A planted incident with its period as day numbers and its cities as indexes into AREAS. */
export interface ActiveIncident {
  incident: PlantedIncident;
  startDay: number;
  endDay: number;
  areaIndexes: ReadonlySet<number>;
}

interface Template {
  id: string;
  scope: { zone: Zone } | { city: string };
  causes: Cause[];
  lengthDays: number;
  /** Preferred position within the period, 0 = start, 1 = end. */
  at: number;
  lateLogitBoost?: number;
  description: string;
}

const COMPLAINTS: readonly Template[] = [
  {
    id: "north-east-late-monsoon",
    scope: { zone: "North-East" },
    causes: ["late_delivery"],
    lengthDays: 28,
    at: 0.05,
    lateLogitBoost: 1.3,
    description: "Heavy rain and rider shortage in the North-East: deliveries run late for four weeks",
  },
  {
    id: "delhi-rude-partners",
    scope: { city: "Delhi" },
    causes: ["rude_partner"],
    lengthDays: 14,
    at: 0.15,
    description: "New delivery partners in Delhi behave rudely with customers",
  },
  {
    id: "hyderabad-refunds",
    scope: { city: "Hyderabad" },
    causes: ["refund_not_processed"],
    lengthDays: 21,
    at: 0.2,
    description: "Refunds for cancelled or returned items are not processed in Hyderabad",
  },
  {
    id: "central-price-hike",
    scope: { zone: "Central" },
    causes: ["high_prices"],
    lengthDays: 21,
    at: 0.3,
    description: "Prices and handling fees raised in the Central zone; customers call it overpriced",
  },
  {
    id: "mumbai-wrong-missing-items",
    scope: { city: "Mumbai" },
    causes: ["wrong_items", "missing_items"],
    lengthDays: 21,
    at: 0.35,
    description: "A Mumbai dark store packs wrong items and leaves items out of the bag",
  },
  {
    id: "east-stale-products",
    scope: { zone: "East" },
    causes: ["stale_products"],
    lengthDays: 14,
    at: 0.5,
    description: "Expired and stale products shipped across the East zone",
  },
  {
    id: "jaipur-damaged-packaging",
    scope: { city: "Jaipur" },
    causes: ["damaged_packaging"],
    lengthDays: 14,
    at: 0.6,
    description: "Torn bags and leaking packets in Jaipur after a packaging supplier change",
  },
  {
    id: "pune-payment-failures",
    scope: { city: "Pune" },
    causes: ["payment_failure"],
    lengthDays: 7,
    at: 0.75,
    description: "App payment failures in Pune: money debited but orders not placed",
  },
  {
    id: "lucknow-support",
    scope: { city: "Lucknow" },
    causes: ["poor_support"],
    lengthDays: 10,
    at: 0.85,
    description: "Customer care in Lucknow does not respond to complaints",
  },
  {
    id: "kolkata-late-deliveries",
    scope: { city: "Kolkata" },
    causes: ["late_delivery"],
    lengthDays: 10,
    at: 0.92,
    lateLogitBoost: 1.4,
    description: "Waterlogging in Kolkata: deliveries late for ten days",
  },
];

const SOUTH_MONTH_ID = "south-late-damaged-month";
/** The South-zone month ends at least this many days before the last data day. */
const SOUTH_MONTH_CLEARANCE = 21;
/** Days kept free of ordinary incidents at both ends of the period (the last day has its own). */
const EDGE_DAYS = 3;

const effects = (partial: Partial<IncidentEffects>): IncidentEffects => ({
  lateLogitBoost: 0,
  complaintShare: 0.3,
  orderVolumeFactor: 1,
  spendFactor: 1,
  ...partial,
});

/** Every incident the generator plants for these options, in a form the RAG evaluation can label from. */
export function plantedIncidents(options: GenerateOptions): PlantedIncident[] {
  return scheduleIncidents(resolveOptions(options)).map((a) => a.incident);
}

/**
 * Lays the incidents out on the period. Incidents of the same zone never overlap, so a
 * question about one zone and period has one right answer.
 */
export function scheduleIncidents(o: ResolvedOptions): ActiveIncident[] {
  const scheduled: ActiveIncident[] = [];
  const add = (incident: Omit<PlantedIncident, "start" | "end">, startDay: number, endDay: number) => {
    const active: ActiveIncident = {
      incident: { ...incident, start: isoDate(startDay), end: isoDate(endDay) },
      startDay,
      endDay,
      areaIndexes: new Set(incident.areas.map(areaIndex)),
    };
    scheduled.push(active);
  };

  const month = southMonth(o);
  add(
    {
      id: SOUTH_MONTH_ID,
      kind: "complaints",
      scope: "zone",
      zone: "South",
      areas: citiesOf({ zone: "South" }),
      causes: ["late_delivery", "damaged_packaging"],
      keywords: [...CAUSE_KEYWORDS.late_delivery, ...CAUSE_KEYWORDS.damaged_packaging],
      description:
        "South zone: late deliveries and damaged packaging for a whole month (rider shortage, new packing vendor)",
      effects: effects({ lateLogitBoost: 1.1, complaintShare: 0.3 }),
    },
    month.startDay,
    month.endDay,
  );

  for (const t of COMPLAINTS) {
    const zone = "zone" in t.scope ? t.scope.zone : zoneOf(t.scope.city);
    const busy = scheduled.filter((s) => s.incident.zone === zone);
    const startDay = placeAvoiding(o, t, busy);
    add(
      {
        id: t.id,
        kind: "complaints",
        scope: "zone" in t.scope ? "zone" : "city",
        zone,
        areas: citiesOf(t.scope),
        causes: t.causes,
        keywords: t.causes.flatMap((c) => CAUSE_KEYWORDS[c]),
        description: t.description,
        effects: effects({ lateLogitBoost: t.lateLogitBoost ?? 0 }),
      },
      startDay,
      startDay + t.lengthDays - 1,
    );
  }

  add(
    {
      id: "west-sales-drop-last-day",
      kind: "sales_drop",
      scope: "zone",
      zone: "West",
      areas: citiesOf({ zone: "West" }),
      causes: ["late_delivery"],
      keywords: ["late", "rain", "waterlogging", "delayed", "cancelled"],
      description:
        "Last data day: heavy rain and waterlogging across the West zone; orders there fall about 40 % and deliveries run late",
      effects: effects({ lateLogitBoost: 1.8, complaintShare: 0.45, orderVolumeFactor: 0.6 }),
    },
    o.endDay,
    o.endDay,
  );

  add(
    {
      id: "spend-surge-flat-sales",
      kind: "spend_surge",
      scope: "national",
      zone: null,
      areas: [],
      causes: [],
      keywords: ["spend", "campaign", "ROAS"],
      description:
        "Marketing spend roughly triples for two weeks while order revenue stays flat (campaigns underperforming)",
      effects: effects({ complaintShare: 0, spendFactor: 3 }),
    },
    o.endDay - 40,
    o.endDay - 27,
  );
  return scheduled;
}

/** The latest full calendar month that ends well before the last data day. */
function southMonth(o: ResolvedOptions): { startDay: number; endDay: number } {
  let { first, nextFirst } = monthBounds(o.endDay - SOUTH_MONTH_CLEARANCE);
  if (nextFirst - 1 > o.endDay - SOUTH_MONTH_CLEARANCE) ({ first, nextFirst } = monthBounds(first - 1));
  if (first < o.startDay + EDGE_DAYS) {
    throw new Error(`The period is too short to plant a full-month incident; use at least 90 days`);
  }
  return { startDay: first, endDay: nextFirst - 1 };
}

function placeAvoiding(o: ResolvedOptions, t: Template, busy: readonly ActiveIncident[]): number {
  const first = o.startDay + EDGE_DAYS;
  const last = o.endDay - EDGE_DAYS - t.lengthDays;
  const preferred = Math.round(first + t.at * (last - first));
  const free = (start: number) =>
    busy.every((b) => start + t.lengthDays - 1 < b.startDay - 1 || start > b.endDay + 1);
  for (let shift = 0; shift <= last - first; shift++) {
    for (const start of [preferred + shift, preferred - shift]) {
      if (start >= first && start <= last && free(start)) return start;
    }
  }
  throw new Error(`No room to plant incident ${t.id}; use a longer period (days)`);
}

function citiesOf(scope: { zone: Zone } | { city: string }): string[] {
  return "zone" in scope ? AREAS.filter((a) => a.zone === scope.zone).map((a) => a.name) : [scope.city];
}

function areaIndex(name: string): number {
  const index = AREAS.findIndex((a) => a.name === name);
  if (index < 0) throw new Error(`Incident names unknown city ${name}`);
  return index;
}

function zoneOf(city: string): Zone {
  return (AREAS[areaIndex(city)] as (typeof AREAS)[number]).zone;
}
