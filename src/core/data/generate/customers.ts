import { AREAS } from "./areas.ts";
import type { ResolvedOptions } from "./options.ts";
import { Rng, WeightedTable } from "./rng.ts";

/** Share of customers who already existed before the generated period. */
const EXISTING_SHARE = 0.55;
/** How far back existing customers registered. */
const HISTORY_DAYS = 900;

/**
 * Compact customer state for the whole run (typed arrays, so a million orders stay in bounded
 * memory): each customer's city and registration day, and the order statistics the customers
 * file reports. Personal details are drawn only when the file is written.
 */
export class CustomerBase {
  readonly areaOf: Uint8Array;
  readonly registeredOn: Int32Array;
  readonly orderCount: Int32Array;
  readonly spentPaise: Float64Array;
  /** Per city: customer indexes sorted by registration day, and those days for binary search. */
  private readonly byArea: { members: Int32Array; days: Int32Array }[];

  constructor(o: ResolvedOptions) {
    const rng = new Rng(o.seed, "customers");
    const n = o.customers;
    const areaTable = new WeightedTable(
      AREAS,
      AREAS.map((a) => a.weight),
    );
    this.areaOf = new Uint8Array(n);
    this.registeredOn = new Int32Array(n);
    this.orderCount = new Int32Array(n);
    this.spentPaise = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // The first customers cover every city, so every city can order from day one.
      const area = i < AREAS.length ? i : areaTable.index(rng);
      this.areaOf[i] = area;
      this.registeredOn[i] =
        i < AREAS.length || rng.chance(EXISTING_SHARE)
          ? o.startDay - rng.int(1, HISTORY_DAYS)
          : o.startDay + rng.int(0, o.days - 1);
    }
    this.byArea = AREAS.map((_, area) => {
      const members = Int32Array.from(this.indexesIn(area)).sort(
        (a, b) => (this.registeredOn[a] ?? 0) - (this.registeredOn[b] ?? 0) || a - b,
      );
      return { members, days: Int32Array.from(members, (m) => this.registeredOn[m] ?? 0) };
    });
  }

  get size(): number {
    return this.areaOf.length;
  }

  /**
   * A customer of `area` registered on or before `day`. Long-standing customers order more
   * often, as loyal quick-commerce users do; recent sign-ups still get a share.
   */
  pick(rng: Rng, area: number, day: number): number {
    const list = this.byArea[area];
    if (!list) throw new Error(`No customer list for area index ${area}`);
    let lo = 0;
    let hi = list.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list.days[mid] ?? 0) <= day) lo = mid + 1;
      else hi = mid;
    }
    const u = rng.next();
    const position = Math.floor(lo * (rng.chance(0.7) ? u * u : u));
    return list.members[position] ?? 0;
  }

  record(customer: number, totalPaise: number): void {
    this.orderCount[customer] = (this.orderCount[customer] ?? 0) + 1;
    this.spentPaise[customer] = (this.spentPaise[customer] ?? 0) + totalPaise;
  }

  private *indexesIn(area: number): Generator<number> {
    for (let i = 0; i < this.areaOf.length; i++) if (this.areaOf[i] === area) yield i;
  }
}
