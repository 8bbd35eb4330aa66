import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { featureColumns, MODEL_FEATURES } from "./features.ts";
import { deserialiseForest, serialiseForest } from "./forest/serialise.ts";
import {
  type DelayModel,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelMetadata,
  metricsNoteFor,
} from "./model.ts";

/** What goes next to the model: the metrics file path for a model path. */
export function metricsPathFor(modelPath: string): string {
  return modelPath.replace(/(\.json)?$/, ".metrics.json");
}

/**
 * Writes the model (metadata header first, so `head` shows what it is) and its metrics file.
 * Written to a temporary name and renamed, so a reader never sees half a model.
 */
export function saveDelayModel(
  model: DelayModel,
  path: string,
  extraMetrics: Record<string, unknown> = {},
): void {
  mkdirSync(dirname(path), { recursive: true });
  const document = {
    metadata: model.metadata,
    encoding: model.encoding,
    reference: model.reference,
    forest: serialiseForest(model.forest),
  };
  writeAtomically(path, JSON.stringify(document));
  const metrics = {
    modelVersion: model.metadata.modelVersion,
    trainedAt: model.metadata.trainedAt,
    data: model.metadata.data,
    hyperparameters: model.metadata.hyperparameters,
    recencyHalfLifeDays: model.metadata.recencyHalfLifeDays,
    areaEncoding: model.metadata.areaEncoding,
    reliable: model.metadata.reliable,
    holdoutNote: model.metadata.metricsNote,
    holdout: model.metadata.metrics,
    ...extraMetrics,
  };
  writeAtomically(metricsPathFor(path), `${JSON.stringify(metrics, null, 2)}\n`);
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  // rename replaces the target in one step on POSIX file systems.
  renameSync(temporary, path);
}

export class ModelLoadError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "ModelLoadError";
  }
}

const RETRAIN_HINT = "Train a fresh model with `blinkit model train`.";

const documentShape = z.object({
  // Loose: fields this check doesn't need travel through untouched.
  metadata: z.looseObject({
    format: z.string(),
    formatVersion: z.number(),
    modelVersion: z.string(),
    trainedAt: z.string(),
    features: z.array(z.string()),
    featureColumns: z.array(z.string()),
    recencyHalfLifeDays: z.number().positive().nullable().optional(),
    data: z.looseObject({
      rows: z.number(),
      trainRows: z.number(),
      testRows: z.number(),
      holdoutFrom: z.string(),
      since: z.string().nullable(),
      hash: z.string(),
    }),
    trainLateRate: z.number(),
    metrics: z.looseObject({ rocAuc: z.number().nullable() }),
    riskBands: z.object({ lowBelow: z.number(), highFrom: z.number() }),
    reliable: z.boolean(),
  }),
  encoding: z.object({
    kind: z.enum(["target", "onehot"]),
    areas: z.record(z.string(), z.number()),
    areaNames: z.record(z.string(), z.string()),
    other: z.number(),
  }),
  reference: z.array(
    z.object({
      hourOfDay: z.number(),
      dayOfWeek: z.number(),
      area: z.string().nullable(),
      promisedMinutes: z.number(),
    }),
  ),
  forest: z.unknown(),
});

/** What format 2 added to the metadata. */
const format2Shape = z.looseObject({
  metricsNote: z.string(),
  data: z.looseObject({ refit: z.boolean(), fittedRows: z.number(), fittedThrough: z.string() }),
});

/** Format 1 predates refitting: its forest is the evaluated one, fitted on the training split. */
const FORMAT_1 = 1;

/**
 * Reads a model file and checks it was built for the features this code computes. Any mismatch
 * is refused with a ModelLoadError saying what differs and how to fix it — a model for other
 * features would silently give nonsense.
 */
export function loadDelayModel(path: string): DelayModel {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ModelLoadError(
      missing ? `There is no delay model at ${path} yet.` : `The delay model at ${path} could not be read.`,
      RETRAIN_HINT,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelLoadError(
      `The delay model at ${path} is not valid JSON (truncated or edited?).`,
      RETRAIN_HINT,
    );
  }
  return modelFromDocument(json, path);
}

export function modelFromDocument(json: unknown, path: string): DelayModel {
  const parsed = documentShape.safeParse(json);
  if (!parsed.success) {
    throw new ModelLoadError(`The file at ${path} is not a Blinkit delivery-delay model.`, RETRAIN_HINT);
  }
  const { metadata, encoding, reference } = parsed.data;
  if (metadata.format !== MODEL_FORMAT) {
    throw new ModelLoadError(
      `The file at ${path} is a "${metadata.format}", not a delivery-delay model.`,
      RETRAIN_HINT,
    );
  }
  if (metadata.formatVersion !== MODEL_FORMAT_VERSION && metadata.formatVersion !== FORMAT_1) {
    throw new ModelLoadError(
      `The delay model at ${path} uses file format ${metadata.formatVersion}; this version of the bot reads formats ${FORMAT_1} and ${MODEL_FORMAT_VERSION}.`,
      RETRAIN_HINT,
    );
  }
  if (metadata.formatVersion === MODEL_FORMAT_VERSION && !format2Shape.safeParse(metadata).success) {
    throw new ModelLoadError(
      `The delay model at ${path} lacks the refit fields of format ${MODEL_FORMAT_VERSION} (data.refit, data.fittedRows, data.fittedThrough, metricsNote).`,
      RETRAIN_HINT,
    );
  }
  const expected = [...MODEL_FEATURES];
  if (JSON.stringify(metadata.features) !== JSON.stringify(expected)) {
    throw new ModelLoadError(
      `The delay model at ${path} was trained on features [${metadata.features.join(", ")}], but this version of the bot computes [${expected.join(", ")}].`,
      RETRAIN_HINT,
    );
  }
  const columns = featureColumns(encoding);
  if (JSON.stringify(metadata.featureColumns) !== JSON.stringify(columns)) {
    throw new ModelLoadError(
      `The delay model at ${path} lists encoded columns that don't match its own area encoding (file edited?).`,
      RETRAIN_HINT,
    );
  }
  let forest: DelayModel["forest"];
  try {
    forest = deserialiseForest(parsed.data.forest);
  } catch (error) {
    throw new ModelLoadError(
      `The delay model at ${path} is damaged: ${(error as Error).message}`,
      RETRAIN_HINT,
    );
  }
  if (forest.nFeatures !== columns.length) {
    throw new ModelLoadError(
      `The delay model at ${path} has a forest for ${forest.nFeatures} columns but ${columns.length} encoded features.`,
      RETRAIN_HINT,
    );
  }
  // Files saved before recency weighting existed weighed every order the same.
  const withHalfLife = {
    ...(metadata as unknown as ModelMetadata),
    recencyHalfLifeDays: metadata.recencyHalfLifeDays ?? null,
  };
  const current = metadata.formatVersion === FORMAT_1 ? fromFormat1(withHalfLife) : withHalfLife;
  return { metadata: current, encoding, reference, forest };
}

/** Fills in what format 1 didn't record; the file's own formatVersion is kept. */
function fromFormat1(metadata: ModelMetadata): ModelMetadata {
  const data = { ...metadata.data, refit: false, fittedRows: metadata.data.trainRows, fittedThrough: null };
  return { ...metadata, data, metricsNote: metricsNoteFor(data) };
}
