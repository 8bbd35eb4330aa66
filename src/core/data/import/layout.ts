import { type ColumnPlan, normaliseHeader } from "./header.ts";
import type { TableName, TableSpec } from "./tables.ts";

/** Known shapes besides the canonical export, recognised by their exact header. */
const KNOWN_LAYOUTS: readonly { name: string; table: TableName; header: readonly string[] }[] = [
  {
    name: "seed project layout",
    table: "orders",
    header: [
      "order_id",
      "customer_id",
      "order_date",
      "order_total",
      "promised_time",
      "actual_time",
      "region",
    ],
  },
  {
    name: "seed project layout",
    table: "marketing_performance",
    header: ["date", "channel", "spend", "impressions"],
  },
];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));

export function canonicalHeader(spec: TableSpec): string[] {
  return spec.fields.filter((f) => !f.extension && f.stored !== false).map((f) => f.name);
}

/** A short description of the file's shape, for the import summary and `data inspect`. */
export function recogniseLayout(
  spec: TableSpec,
  header: readonly string[],
  columns: ColumnPlan,
  mapped: boolean,
): string {
  const names = header.map(normaliseHeader);
  if (sameSet(names, canonicalHeader(spec))) return "canonical Blinkit export";
  const known = KNOWN_LAYOUTS.find((l) => l.table === spec.table && sameSet(names, l.header));
  if (known) return known.name;
  const parts = [
    columns.renamed.size > 0 ? `${columns.renamed.size} renamed` : "",
    columns.missingOptional.length > 0 ? `${columns.missingOptional.length} optional missing` : "",
    columns.ignored.length > 0 ? `${columns.ignored.length} extra ignored` : "",
    columns.derived.length > 0 ? `${columns.derived.length} derived` : "",
  ].filter(Boolean);
  const shape = parts.join(", ") || "columns reordered";
  return mapped ? `read through the mapping file (${shape})` : `variant of the Blinkit export (${shape})`;
}
