import { join } from "node:path";
import { isoDate } from "./calendar.ts";
import type { Product } from "./catalog.ts";
import { CsvWriter } from "./csv-writer.ts";
import { BLINKIT_FILES } from "./layout.ts";
import type { ResolvedOptions } from "./options.ts";
import { Rng } from "./rng.ts";

/** Categories whose goods break or spoil in transit more often. */
const FRAGILE = new Set(["Dairy & Breakfast", "Fruits & Vegetables", "Bakery & Biscuits"]);

/**
 * Stock deliveries per product and day: perishables are restocked almost daily, long-life
 * goods every week or two; a small, noisy share arrives damaged.
 */
export async function writeInventory(
  o: ResolvedOptions,
  catalog: readonly Product[],
  outDir: string,
): Promise<number> {
  const rng = new Rng(o.seed, "inventory");
  const writer = await CsvWriter.open(
    join(outDir, BLINKIT_FILES.inventory.file),
    BLINKIT_FILES.inventory.header,
  );
  for (let day = o.startDay; day <= o.endDay; day++) {
    const date = isoDate(day);
    for (const p of catalog) {
      const restockChance = p.shelfLifeDays <= 7 ? 0.5 : p.shelfLifeDays <= 30 ? 0.25 : 0.08;
      if (!rng.chance(restockChance)) continue;
      const received = rng.int(p.minStockLevel, p.maxStockLevel);
      const damageRate = (FRAGILE.has(p.category) ? 0.03 : 0.008) * rng.logNormal(0.8);
      await writer.write([p.id, date, received, Math.min(received, Math.floor(received * damageRate))]);
    }
  }
  await writer.close();
  return writer.rows;
}
