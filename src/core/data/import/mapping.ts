import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ALL_FORMATS, findFormat } from "./dates.ts";
import { type ImportMapping, ImportOptionsError } from "./options.ts";
import { TABLES, type TableName } from "./tables.ts";
import { isTimeZone } from "./time-zone.ts";

const tableNames = TABLES.map((t) => t.table) as [TableName, ...TableName[]];
const scalar = z.union([z.string(), z.number()]).transform(String);

const fileSchema = z
  .object({
    table: z.enum(tableNames).optional(),
    columns: z.record(z.string(), z.string()).optional(),
    values: z.record(z.string(), scalar).optional(),
    dateFormats: z
      .record(
        z.string(),
        z
          .string()
          .refine(
            (label) => findFormat(label) !== undefined,
            `is not a known date format (use one of ${ALL_FORMATS.map((f) => f.label).join(", ")})`,
          ),
      )
      .optional(),
  })
  .strict();

const mappingSchema = z
  .object({
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata").optional(),
    files: z.record(z.string(), fileSchema).optional(),
  })
  .strict();

/**
 * Validates a mapping: known tables, and every field named in `columns` or `values` must exist
 * in the file's table, so a typo is reported instead of silently ignored.
 */
export function parseMapping(data: unknown, source = "mapping"): ImportMapping {
  const result = mappingSchema.safeParse(data ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`);
    throw new ImportOptionsError(`${source} is not a valid mapping:\n  - ${problems.join("\n  - ")}`);
  }
  const mapping = result.data as ImportMapping;
  const problems: string[] = [];
  for (const [file, entry] of Object.entries(mapping.files ?? {})) {
    const table = entry.table ?? TABLES.find((t) => t.files.includes(file.toLowerCase()))?.table;
    if (!table) {
      problems.push(`files.${file}: say which table it feeds (table: orders, customers, …)`);
      continue;
    }
    const fields = new Set(TABLES.find((t) => t.table === table)?.fields.map((f) => f.name));
    const unknown = [...Object.values(entry.columns ?? {}), ...Object.keys(entry.values ?? {})].filter(
      (field) => !fields.has(field),
    );
    for (const field of unknown) {
      problems.push(
        `files.${file}: '${field}' is not a field of ${table} (fields: ${[...fields].join(", ")})`,
      );
    }
  }
  if (problems.length > 0) {
    throw new ImportOptionsError(`${source} is not a valid mapping:\n  - ${problems.join("\n  - ")}`);
  }
  return mapping;
}

export function loadMappingFile(path: string): ImportMapping {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ImportOptionsError(`Cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ImportOptionsError(`The mapping file ${path} is not valid YAML: ${(error as Error).message}`);
  }
  return parseMapping(data, `The mapping file ${path}`);
}

export function resolveMapping(mapping: ImportMapping | string | undefined): ImportMapping {
  if (mapping === undefined) return {};
  return typeof mapping === "string" ? loadMappingFile(mapping) : parseMapping(mapping);
}
