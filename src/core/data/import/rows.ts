import type { CsvRecord } from "./csv.ts";
import { type LocalDateTime, parseDateTime, parseTimeOfDay, type TimeOfDay } from "./dates.ts";
import type { FilePlan } from "./plan.ts";
import type { FieldSpec } from "./tables.ts";
import { formatLocalDate, nextDay, toTimestampText } from "./time-zone.ts";
import {
  type Cell,
  isMissing,
  Problem,
  readDecimal,
  readRating,
  readText,
  readWholeNumber,
} from "./values.ts";

/** A validated row: field → SQL-ready text or null. */
export type RowValues = Map<string, string | null>;

type Reading = Cell | LocalDateTime | TimeOfDay;

const isLocal = (r: Reading): r is LocalDateTime => typeof r === "object" && r !== null && "year" in r;
const isTime = (r: Reading): r is TimeOfDay =>
  typeof r === "object" && r !== null && "hour" in r && !("year" in r);

/** Reads one CSV record into the table's fields, or says why the row must be quarantined. */
export function convertRecord(plan: FilePlan, record: CsvRecord): RowValues | Problem {
  if (record.fields.length !== plan.header.length) {
    return new Problem(`has ${record.fields.length} fields but the header has ${plan.header.length}`);
  }
  const readings = new Map<string, Reading>();
  for (const field of plan.spec.fields) {
    const index = plan.columns.columns.get(field.name);
    const raw = index === undefined ? plan.columns.constants.get(field.name) : record.fields[index];
    const reading = raw === undefined ? null : readField(plan, field, raw.trim());
    if (reading instanceof Problem) return reading;
    if (reading === null && field.required && !plan.columns.derived.includes(field))
      return new Problem(`missing ${field.name}`);
    readings.set(field.name, reading);
  }
  for (const field of plan.columns.derived) {
    const source = field.derivedFrom ? readings.get(field.derivedFrom.field) : null;
    if (typeof source !== "string") return new Problem(`missing ${field.derivedFrom?.field ?? field.name}`);
    readings.set(field.name, `${field.derivedFrom?.prefix ?? ""}${source}`);
  }
  combineSplitTimes(plan, readings);
  const values: RowValues = new Map();
  for (const field of plan.spec.fields) {
    if (field.stored === false) continue;
    const reading = readings.get(field.name) ?? null;
    values.set(field.name, toSql(plan, field, reading));
  }
  return values;
}

function readField(plan: FilePlan, field: FieldSpec, raw: string): Reading | Problem {
  if (raw === "" || (field.kind !== "text" && isMissing(raw))) return null;
  const limit = field.limit ?? Number.POSITIVE_INFINITY;
  switch (field.kind) {
    case "text":
      return readText(raw);
    case "count":
      return readWholeNumber(raw, field.name, limit, 0);
    case "quantity":
      return readWholeNumber(raw, field.name, limit, 1);
    case "money":
      return readDecimal(raw, field.name, limit, 0);
    case "decimal":
      return readDecimal(raw, field.name, limit);
    case "rating":
      return readRating(raw, field.name);
    case "time": {
      const time = parseTimeOfDay(raw);
      return typeof time === "string" ? new Problem(`${field.name} ${time}`) : time;
    }
    case "date":
    case "timestamp": {
      const format = plan.formats.get(field.name)?.format;
      if (!format) return new Problem(`${field.name} '${raw}' has no known date format`);
      const read = format.order === "time" ? parseTimeOfDay(raw) : parseDateTime(raw, format);
      return typeof read === "string" ? new Problem(`${field.name} ${read}`) : read;
    }
  }
}

/**
 * Split exports: `order_time` completes `order_date`, and bare `H:MM` delivery times belong to
 * the order's day, or the next day when earlier than the order time (delivered after midnight).
 */
function combineSplitTimes(plan: FilePlan, readings: Map<string, Reading>): void {
  for (const field of plan.spec.fields) {
    const reading = readings.get(field.name) ?? null;
    if (field.timeOf && isTime(reading)) {
      const base = readings.get(field.timeOf) ?? null;
      if (isLocal(base)) readings.set(field.timeOf, { ...base, ...reading, hasTime: true });
    }
  }
  for (const field of plan.spec.fields) {
    const reading = readings.get(field.name) ?? null;
    if (!field.sameDayAs || !isTime(reading)) continue;
    const base = readings.get(field.sameDayAs) ?? null;
    if (!isLocal(base)) continue;
    const sameDay: LocalDateTime = { ...base, ...reading, hasTime: true };
    readings.set(field.name, clockValue(sameDay) < clockValue(base) ? nextDay(sameDay) : sameDay);
  }
}

const clockValue = (t: TimeOfDay) => ((t.hour * 60 + t.minute) * 60 + t.second) * 1e6 + fractionMicros(t);
const fractionMicros = (t: TimeOfDay) => Number(`0${t.fraction}`) * 1e6;

function toSql(plan: FilePlan, field: FieldSpec, reading: Reading): string | null {
  if (reading === null || reading instanceof Problem) return null;
  if (typeof reading === "string") return reading;
  if (isLocal(reading)) {
    return field.kind === "date" ? formatLocalDate(reading) : toTimestampText(reading, plan.timeZone);
  }
  // A bare time whose day is unknown (its date column is empty) stores nothing rather than a guess.
  return null;
}
