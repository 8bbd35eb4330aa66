export { AREAS, type Area, ZONES, type Zone } from "./areas.ts";
export { type GenerateSummary, generateDataset } from "./generate.ts";
export {
  CAUSE_KEYWORDS,
  type Cause,
  FEEDBACK_CATEGORY,
  type PlantedIncident,
  plantedIncidents,
} from "./incidents.ts";
export { BLINKIT_FILES, type BlinkitFile, PLANTED_INCIDENTS_FILE } from "./layout.ts";
export { type GenerateOptions, MIN_DAYS } from "./options.ts";
