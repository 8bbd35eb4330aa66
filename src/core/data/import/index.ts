/** The CSV importer's public surface: import, inspect, and their plain-text reports. */
export { importDirectory } from "./import.ts";
export { formatInspectReport, type InspectedFile, type InspectReport, inspectDirectory } from "./inspect.ts";
export { loadMappingFile } from "./mapping.ts";
export type { ImportMapping, ImportOptions } from "./options.ts";
export { DEFAULT_TIME_ZONE, ImportOptionsError } from "./options.ts";
export type { FileSummary, ImportSummary } from "./summary.ts";
export { formatImportSummary } from "./summary.ts";
