/**
 * What the importer knows about each table: which files feed it, the fields it stores (in the
 * column order of its `sql/queries/import_upsert_<table>.sql`), how each field is read, which
 * header names mean the same field, and what a missing column or file takes away.
 */

export type TableName =
  | "customers"
  | "products"
  | "orders"
  | "order_items"
  | "marketing_performance"
  | "delivery_performance"
  | "customer_feedback"
  | "inventory";

export type FieldKind =
  /** Free text; empty means null. */
  | "text"
  /** Whole number ≥ 0 (counts, stock levels). */
  | "count"
  /** Whole number > 0. */
  | "quantity"
  /** Rupees ≥ 0, kept exact as text. */
  | "money"
  /** Signed decimal (percentages, minutes, km, ratios). */
  | "decimal"
  /** Whole number from 1 to 5. */
  | "rating"
  /** Calendar date; a time part, if present, is dropped. */
  | "date"
  /** Instant; naive values are local times in the import time zone. */
  | "timestamp"
  /** Time of day completing another field's date (input only, never stored). */
  | "time";

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** The column must be in the header and the value non-empty. */
  required?: boolean;
  /** Other header names meaning this field, most common first. */
  aliases?: readonly string[];
  /** Largest absolute value the SQL column holds (numeric precision), for numbers. */
  limit?: number;
  /** What the data can no longer answer when the column is absent. */
  disables?: string;
  /** For `time` fields: the date field whose time of day this column supplies. */
  timeOf?: string;
  /**
   * For timestamps that may come as a bare time of day: the field whose local date they belong
   * to. A time earlier than that field's time means the next day (delivery after midnight).
   */
  sameDayAs?: string;
  /** Input-only fields (see `time`) are read but not stored. */
  stored?: false;
  /** Not a column of the canonical Blinkit export (an extension some exports carry). */
  extension?: true;
  /** When the column is absent: the value is `prefix` + another field's value (seed marketing layout). */
  derivedFrom?: { field: string; prefix: string };
}

export interface ParentRef {
  field: string;
  table: "customers" | "products" | "orders";
}

export interface TableSpec {
  table: TableName;
  /** File names that feed the table; the first is the canonical Blinkit export name. */
  files: readonly string[];
  fields: readonly FieldSpec[];
  key: readonly string[];
  parents: readonly ParentRef[];
  /** What the data can no longer answer when no file feeds this table. */
  disablesWhenMissing: string;
}

const MONEY_LIMIT = 1e12; // numeric(14, 2)
const INT_LIMIT = 2_147_483_647;
const BIGINT_LIMIT = Number.MAX_SAFE_INTEGER;

const money = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind: "money",
  limit: MONEY_LIMIT,
  ...extra,
});
const count = (name: string, limit = INT_LIMIT, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  kind: "count",
  limit,
  ...extra,
});
const text = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind: "text", ...extra });

const customers: TableSpec = {
  table: "customers",
  files: ["blinkit_customers.csv", "customers.csv"],
  key: ["customer_id"],
  parents: [],
  disablesWhenMissing:
    "no customers file: customers referenced by orders are created as placeholders whose area is the order's region",
  fields: [
    text("customer_id", { required: true, aliases: ["customer", "cust_id", "customerid"] }),
    text("customer_name", { aliases: ["name"] }),
    text("email", { aliases: ["email_address"] }),
    text("phone", { aliases: ["phone_number", "mobile"] }),
    text("address"),
    text("area", {
      aliases: ["region", "locality", "city"],
      disables: "no customer areas: zone filters (e.g. /why in South Zone) cannot place these customers",
    }),
    text("pincode", { aliases: ["pin_code", "postal_code", "zip"] }),
    { name: "registration_date", kind: "date", aliases: ["signup_date", "registered_on"] },
    text("customer_segment", { aliases: ["segment"] }),
    count("total_orders"),
    money("avg_order_value"),
  ],
};

const products: TableSpec = {
  table: "products",
  files: ["blinkit_products.csv", "products.csv"],
  key: ["product_id"],
  parents: [],
  disablesWhenMissing:
    "no products file: order items and inventory rows need products already in the database",
  fields: [
    text("product_id", { required: true, aliases: ["product", "sku", "productid"] }),
    text("product_name", { aliases: ["name"] }),
    text("category"),
    text("brand"),
    money("price", { aliases: ["selling_price"] }),
    money("mrp", { aliases: ["max_retail_price"] }),
    { name: "margin_percentage", kind: "decimal", limit: 1e4, aliases: ["margin", "margin_pct"] },
    count("shelf_life_days"),
    count("min_stock_level"),
    count("max_stock_level"),
  ],
};

const orders: TableSpec = {
  table: "orders",
  files: ["blinkit_orders.csv", "orders.csv"],
  key: ["order_id"],
  parents: [{ field: "customer_id", table: "customers" }],
  disablesWhenMissing: "no orders file: revenue, ROAS and delivery-delay answers have nothing to work on",
  fields: [
    text("order_id", { required: true, aliases: ["order", "orderid"] }),
    text("customer_id", { required: true, aliases: ["customer", "cust_id"] }),
    {
      name: "order_date",
      kind: "timestamp",
      required: true,
      aliases: ["order_datetime", "order_timestamp", "ordered_at", "date"],
    },
    {
      name: "promised_delivery_time",
      kind: "timestamp",
      sameDayAs: "order_date",
      aliases: ["promised_time", "promised_delivery", "promised_at"],
      disables: "no promised delivery times: late rate, delay KPIs and the delay model are unavailable",
    },
    {
      name: "actual_delivery_time",
      kind: "timestamp",
      sameDayAs: "order_date",
      aliases: ["actual_time", "delivered_at", "actual_delivery"],
      disables: "no actual delivery times: late rate, delay KPIs and the delay model are unavailable",
    },
    text("delivery_status", { aliases: ["status"] }),
    money("order_total", { required: true, aliases: ["total", "order_value", "total_amount", "amount"] }),
    text("payment_method", { aliases: ["payment_mode", "payment"] }),
    text("delivery_partner_id", { aliases: ["partner_id", "rider_id"] }),
    text("store_id", { aliases: ["store", "dark_store_id"] }),
    text("area", { aliases: ["region", "locality", "delivery_area", "city"], extension: true }),
    {
      name: "order_time",
      kind: "time",
      timeOf: "order_date",
      stored: false,
      extension: true,
      aliases: ["time"],
    },
  ],
};

const orderItems: TableSpec = {
  table: "order_items",
  files: ["blinkit_order_items.csv", "order_items.csv"],
  key: ["order_id", "product_id"],
  parents: [
    { field: "order_id", table: "orders" },
    { field: "product_id", table: "products" },
  ],
  disablesWhenMissing: "no order items: product and category breakdowns are unavailable",
  fields: [
    text("order_id", { required: true }),
    text("product_id", { required: true, aliases: ["sku"] }),
    { name: "quantity", kind: "quantity", limit: INT_LIMIT, required: true, aliases: ["qty"] },
    money("unit_price", { required: true, aliases: ["price", "item_price"] }),
  ],
};

const marketing: TableSpec = {
  table: "marketing_performance",
  files: ["blinkit_marketing_performance.csv", "marketing_performance.csv", "marketing.csv"],
  key: ["campaign_id", "date"],
  parents: [],
  disablesWhenMissing: "no marketing file: spend is zero every day, so ROAS is empty",
  fields: [
    // The seed project's marketing file has one row per (date, channel) and no campaign id.
    text("campaign_id", {
      required: true,
      aliases: ["campaign"],
      derivedFrom: { field: "channel", prefix: "channel:" },
    }),
    text("campaign_name"),
    { name: "date", kind: "date", required: true, aliases: ["campaign_date", "day"] },
    text("target_audience", { aliases: ["audience"] }),
    text("channel"),
    count("impressions", BIGINT_LIMIT),
    count("clicks", BIGINT_LIMIT),
    count("conversions", BIGINT_LIMIT),
    money("spend", { required: true, aliases: ["ad_spend", "cost"] }),
    money("revenue_generated", {
      aliases: ["attributed_revenue", "revenue"],
      disables:
        "no attributed revenue: campaign-attributed ROAS is unavailable (ROAS from order revenue still works)",
    }),
    { name: "roas", kind: "decimal", limit: 1e6 },
  ],
};

const delivery: TableSpec = {
  table: "delivery_performance",
  files: ["blinkit_delivery_performance.csv", "delivery_performance.csv", "delivery.csv"],
  key: ["order_id"],
  parents: [{ field: "order_id", table: "orders" }],
  disablesWhenMissing: "no delivery file: delay reasons and distances are unavailable",
  fields: [
    text("order_id", { required: true }),
    text("delivery_partner_id", { aliases: ["partner_id", "rider_id"] }),
    { name: "promised_time", kind: "timestamp", aliases: ["promised_delivery_time"] },
    { name: "actual_time", kind: "timestamp", aliases: ["actual_delivery_time"] },
    { name: "delivery_time_minutes", kind: "decimal", limit: 1e6, aliases: ["delivery_minutes"] },
    { name: "distance_km", kind: "decimal", limit: 1e6, aliases: ["distance"] },
    text("delivery_status", { aliases: ["status"] }),
    text("reasons_if_delayed", { aliases: ["delay_reason", "reason"] }),
  ],
};

const feedback: TableSpec = {
  table: "customer_feedback",
  files: ["blinkit_customer_feedback.csv", "customer_feedback.csv", "feedback.csv"],
  key: ["feedback_id"],
  parents: [
    { field: "order_id", table: "orders" },
    { field: "customer_id", table: "customers" },
  ],
  disablesWhenMissing: "no feedback file: /why has no customer voices to explain",
  fields: [
    text("feedback_id", { required: true, aliases: ["review_id", "id"] }),
    text("order_id"),
    text("customer_id"),
    { name: "rating", kind: "rating", aliases: ["stars", "score"] },
    text("feedback_text", { aliases: ["feedback", "comment", "review", "text"] }),
    text("feedback_category", { aliases: ["category"] }),
    text("sentiment"),
    {
      name: "feedback_date",
      kind: "date",
      aliases: ["date", "review_date"],
      disables: "no feedback dates: /why period filters use order dates",
    },
  ],
};

const inventory: TableSpec = {
  table: "inventory",
  files: ["blinkit_inventory.csv", "inventory.csv"],
  key: ["product_id", "date"],
  parents: [{ field: "product_id", table: "products" }],
  disablesWhenMissing: "no inventory file: nothing uses inventory yet",
  fields: [
    text("product_id", { required: true }),
    { name: "date", kind: "date", required: true, aliases: ["stock_date"] },
    count("stock_received"),
    count("damaged_stock"),
  ],
};

/** Parents before children, so foreign keys can be checked against rows already loaded. */
export const TABLES: readonly TableSpec[] = [
  customers,
  products,
  orders,
  orderItems,
  marketing,
  delivery,
  feedback,
  inventory,
];

export function tableSpec(table: TableName): TableSpec {
  const spec = TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`unknown table ${table}`);
  return spec;
}

export function storedFields(spec: TableSpec): FieldSpec[] {
  return spec.fields.filter((field) => field.stored !== false);
}
