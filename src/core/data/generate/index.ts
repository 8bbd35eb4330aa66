/**
 * Deterministic demo data in the public Blinkit (Kaggle) export layout.
 *
 * `generateDataset(options, outDir, onProgress?)` writes the eight CSV files plus
 * `planted_incidents.json` and `feedback_causes.json` (the cause behind each complaint). What the data carries, so every layer has something real to find:
 * - orders: weekly seasonality (weekends ≈ +25 %), +50 % growth over the period, breakfast and
 *   evening peaks; ~2.5 % cancelled; order_total = sum of its items;
 * - lateness (~30 %) from hour, weekday, city and promised minutes (10/15/20/30) with a few
 *   interactions and hidden daily noise: the best feature-only ranking has ROC-AUC ≈ 0.78;
 * - marketing: 3-8 campaigns a day over seven channels, days without rows and days with zero
 *   spend, and a two-week spend surge while order revenue stays flat;
 * - feedback on ~19 % of delivered orders, rating tied to lateness, texts composed per cause;
 * - planted incidents (`plantedIncidents(options)`): eleven zone- or city-level complaint spikes
 *   (one a full month of late deliveries and damaged packaging in the South zone) and a West-zone
 *   sales drop on the last data day.
 */
export { AREAS, type Area, ZONES, type Zone } from "./areas.ts";
export { type GenerateSummary, generateDataset } from "./generate.ts";
export {
  CAUSE_KEYWORDS,
  type Cause,
  FEEDBACK_CATEGORY,
  type PlantedIncident,
  plantedIncidents,
} from "./incidents.ts";
export {
  BLINKIT_FILES,
  type BlinkitFile,
  FEEDBACK_CAUSES_FILE,
  PLANTED_INCIDENTS_FILE,
} from "./layout.ts";
export { type GenerateOptions, MIN_DAYS } from "./options.ts";
