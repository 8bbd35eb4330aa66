/** The eight files of the public Blinkit (Kaggle) export, with their exact headers. */
export const BLINKIT_FILES = {
  orders: {
    file: "blinkit_orders.csv",
    header: [
      "order_id",
      "customer_id",
      "order_date",
      "promised_delivery_time",
      "actual_delivery_time",
      "delivery_status",
      "order_total",
      "payment_method",
      "delivery_partner_id",
      "store_id",
    ],
  },
  orderItems: {
    file: "blinkit_order_items.csv",
    header: ["order_id", "product_id", "quantity", "unit_price"],
  },
  customers: {
    file: "blinkit_customers.csv",
    header: [
      "customer_id",
      "customer_name",
      "email",
      "phone",
      "address",
      "area",
      "pincode",
      "registration_date",
      "customer_segment",
      "total_orders",
      "avg_order_value",
    ],
  },
  products: {
    file: "blinkit_products.csv",
    header: [
      "product_id",
      "product_name",
      "category",
      "brand",
      "price",
      "mrp",
      "margin_percentage",
      "shelf_life_days",
      "min_stock_level",
      "max_stock_level",
    ],
  },
  marketing: {
    file: "blinkit_marketing_performance.csv",
    header: [
      "campaign_id",
      "campaign_name",
      "date",
      "target_audience",
      "channel",
      "impressions",
      "clicks",
      "conversions",
      "spend",
      "revenue_generated",
      "roas",
    ],
  },
  delivery: {
    file: "blinkit_delivery_performance.csv",
    header: [
      "order_id",
      "delivery_partner_id",
      "promised_time",
      "actual_time",
      "delivery_time_minutes",
      "distance_km",
      "delivery_status",
      "reasons_if_delayed",
    ],
  },
  feedback: {
    file: "blinkit_customer_feedback.csv",
    header: [
      "feedback_id",
      "order_id",
      "customer_id",
      "rating",
      "feedback_text",
      "feedback_category",
      "sentiment",
      "feedback_date",
    ],
  },
  inventory: {
    file: "blinkit_inventory.csv",
    header: ["product_id", "date", "stock_received", "damaged_stock"],
  },
} as const satisfies Record<string, { file: string; header: readonly string[] }>;

export type BlinkitFile = keyof typeof BLINKIT_FILES;

/** Written next to the CSVs: what the generator planted, for evaluations to build questions from. */
export const PLANTED_INCIDENTS_FILE = "planted_incidents.json";

/**
 * Written next to the CSVs: the cause behind every complaint, as `{ cause: [feedback_id, …] }`.
 * The export itself only has a category; evaluations score retrieval against this answer key.
 * Not a CSV, so imports never mistake it for a table.
 */
export const FEEDBACK_CAUSES_FILE = "feedback_causes.json";

/** Paise → rupees with two decimals, the export's money format. */
export function rupees(paise: number): string {
  return (paise / 100).toFixed(2);
}
