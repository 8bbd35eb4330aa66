import type { FieldSpec, TableSpec } from "./tables.ts";

/** How one file's columns are read for its table, settled from the header before any row. */
export interface ColumnPlan {
  /** Field → index of the column holding it. */
  columns: Map<string, number>;
  /** Header name → field, for columns read under another name (aliases and the mapping file). */
  renamed: Map<string, string>;
  /** Field → fixed value from the mapping file, used when no column holds the field. */
  constants: Map<string, string>;
  /** Fields computed from another field because their own column is absent. */
  derived: FieldSpec[];
  /** Header columns the table does not use; they are ignored. */
  ignored: string[];
  /** Optional fields of the canonical layout with no column. */
  missingOptional: FieldSpec[];
  missingRequired: FieldSpec[];
}

/** Column renamings and fixed values for one file, from the mapping file. */
export interface ColumnMapping {
  /** Header name as in the file → field name. */
  columns?: Record<string, string>;
  /** Field → fixed value for every row. */
  values?: Record<string, string>;
}

/** `Order Date`, `order-date` and `ORDER_DATE` all name `order_date`. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_")
    .replace(/[^a-z0-9_]/g, "");
}

export function planColumns(
  spec: TableSpec,
  header: readonly string[],
  mapping: ColumnMapping = {},
): ColumnPlan {
  const normalised = header.map(normaliseHeader);
  const used = new Set<number>();
  const plan: ColumnPlan = {
    columns: new Map(),
    renamed: new Map(),
    constants: new Map(),
    derived: [],
    ignored: [],
    missingOptional: [],
    missingRequired: [],
  };
  const take = (field: FieldSpec, index: number) => {
    plan.columns.set(field.name, index);
    used.add(index);
    const original = header[index] ?? "";
    if (normalised[index] !== field.name) plan.renamed.set(original, field.name);
  };
  const free = (name: string) => normalised.findIndex((n, i) => n === name && !used.has(i));

  // The mapping file wins, then exact names, then aliases: an alias never steals a column
  // that another field names exactly.
  for (const [column, fieldName] of Object.entries(mapping.columns ?? {})) {
    const field = spec.fields.find((f) => f.name === fieldName);
    const index = free(normaliseHeader(column));
    if (field && index >= 0 && !plan.columns.has(field.name)) take(field, index);
  }
  for (const field of spec.fields) {
    const index = plan.columns.has(field.name) ? -1 : free(field.name);
    if (index >= 0) take(field, index);
  }
  for (const field of spec.fields) {
    if (plan.columns.has(field.name)) continue;
    for (const alias of field.aliases ?? []) {
      const index = free(alias);
      if (index >= 0) {
        take(field, index);
        break;
      }
    }
  }

  for (const field of spec.fields) {
    if (plan.columns.has(field.name)) continue;
    const fixed = mapping.values?.[field.name];
    if (fixed !== undefined) {
      plan.constants.set(field.name, fixed);
    } else if (field.derivedFrom && plan.columns.has(field.derivedFrom.field)) {
      plan.derived.push(field);
    } else if (field.required) {
      plan.missingRequired.push(field);
    } else if (!field.extension) {
      // Extensions (order_time, a per-order area) are not expected, so their absence is no news.
      plan.missingOptional.push(field);
    }
  }
  plan.ignored = header.filter((name, i) => !used.has(i) && name.trim() !== "");
  return plan;
}
