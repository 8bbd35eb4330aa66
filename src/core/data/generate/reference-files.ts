import { join } from "node:path";
import { AREAS } from "./areas.ts";
import { isoDate } from "./calendar.ts";
import type { Product } from "./catalog.ts";
import { CsvWriter } from "./csv-writer.ts";
import type { CustomerBase } from "./customers.ts";
import { BLINKIT_FILES, rupees } from "./layout.ts";
import type { ResolvedOptions } from "./options.ts";
import { customerIdOf } from "./orders.ts";
import { makePerson } from "./people.ts";
import { Rng } from "./rng.ts";

/** Customers who signed up this recently count as "New". */
const NEW_CUSTOMER_DAYS = 60;

export async function writeProducts(catalog: readonly Product[], outDir: string): Promise<number> {
  const writer = await CsvWriter.open(
    join(outDir, BLINKIT_FILES.products.file),
    BLINKIT_FILES.products.header,
  );
  for (const p of catalog) {
    await writer.write([
      p.id,
      p.name,
      p.category,
      p.brand,
      rupees(p.pricePaise),
      rupees(p.mrpPaise),
      p.marginPercentage.toFixed(2),
      p.shelfLifeDays,
      p.minStockLevel,
      p.maxStockLevel,
    ]);
  }
  await writer.close();
  return writer.rows;
}

/**
 * Written after the orders, because each row reports the customer's order count and average
 * order value. Personal details come from a per-customer random stream, so they need no memory.
 */
export async function writeCustomers(
  o: ResolvedOptions,
  customers: CustomerBase,
  outDir: string,
): Promise<number> {
  const writer = await CsvWriter.open(
    join(outDir, BLINKIT_FILES.customers.file),
    BLINKIT_FILES.customers.header,
  );
  let spent = 0;
  let count = 0;
  for (let i = 0; i < customers.size; i++) {
    spent += customers.spentPaise[i] ?? 0;
    count += customers.orderCount[i] ?? 0;
  }
  const overallAverage = count === 0 ? 0 : spent / count;

  for (let i = 0; i < customers.size; i++) {
    const area = AREAS[customers.areaOf[i] ?? 0] as (typeof AREAS)[number];
    const person = makePerson(new Rng(o.seed, "person", i), area, i);
    const orders = customers.orderCount[i] ?? 0;
    const average = orders === 0 ? null : (customers.spentPaise[i] ?? 0) / orders;
    const registered = customers.registeredOn[i] ?? o.startDay;
    const segment =
      orders === 0
        ? "Inactive"
        : registered > o.endDay - NEW_CUSTOMER_DAYS
          ? "New"
          : average !== null && average > 1.25 * overallAverage && orders >= 3
            ? "Premium"
            : "Regular";
    await writer.write([
      customerIdOf(i),
      person.name,
      person.email,
      person.phone,
      person.address,
      area.name,
      person.pincode,
      isoDate(registered),
      segment,
      orders,
      average === null ? null : rupees(Math.round(average)),
    ]);
  }
  await writer.close();
  return writer.rows;
}
