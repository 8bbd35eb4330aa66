import type { Db } from "../db/types.ts";
import { metricsPathFor, saveDelayModel } from "./artifact.ts";
import { evaluateOnHoldout, type Predictor } from "./evaluate.ts";
import {
  type AreaEncodingKind,
  encodeOrders,
  featureColumns,
  fitEncoding,
  MODEL_FEATURES,
} from "./features.ts";
import { DEFAULT_FOREST_OPTIONS, type ForestOptions, predictMatrix, trainForest } from "./forest/forest.ts";
import { lateRate, rocAuc } from "./metrics.ts";
import { trainWithMlRandomForest } from "./ml-random-forest-engine.ts";
import {
  type DelayModel,
  type EngineName,
  type HoldoutMetrics,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelMetadata,
  metricsNoteFor,
  RELIABLE_AUC,
  riskBandsFor,
} from "./model.ts";
import { checkHalfLife, recencyWeights } from "./recency.ts";
import { hashTrainingSet, loadTrainingSet, sliceSet, type TrainingSet } from "./training-data.ts";

export interface TrainDelayModelOptions {
  /** Where the artifact goes (its metrics file goes next to it). */
  modelPath: string;
  /** Reporting zone the hours and weekdays were cut in (recorded in the metadata). */
  timeZone: string;
  /** Trees in the final forest (default 300). */
  trees?: number;
  /** Fixed depth; searched on the validation slice when absent. */
  maxDepth?: number;
  /** Fixed minimum leaf size; searched when absent. */
  minSamplesLeaf?: number;
  /** Fixed area encoding; both are compared on the validation slice when absent. */
  areaEncoding?: AreaEncodingKind;
  /** First business day (YYYY-MM-DD) of the orders to learn from; all when absent. */
  since?: string | null;
  seed?: number;
  /**
   * Library that grows the final forest (default histogram-forest). The hyperparameter search
   * always uses the histogram forest: it is cheap, and ml-random-forest would take hours.
   */
  engine?: EngineName;
  now?: Date;
  /** Write the artifact and metrics files (default true). */
  save?: boolean;
  /**
   * After the hold-out evaluation, fit the saved forest again on every order with the chosen
   * settings (default true). false saves the evaluated forest, trained on the earliest 80 %.
   */
  refit?: boolean;
  /**
   * Weigh recent orders more: each order counts 0.5^(age in days / halfLifeDays), its age taken
   * from the newest order each forest is fitted on (search, evaluated and refit forests alike).
   * Absent or null: every order counts the same.
   */
  halfLifeDays?: number | null;
}

/** Everything that decides the model, without where it is saved: what fitDelayModel takes. */
export type DelayModelRecipe = Omit<TrainDelayModelOptions, "modelPath" | "save">;

export interface TrainProgress {
  stage: TrainingStage;
  done: number;
  total: number;
}

export type TrainingStage = "load" | "search" | "train" | "evaluate" | "refit" | "save";

/** What each stage is doing, in words for a progress line. */
export const TRAINING_STAGE_WORDS: Readonly<Record<TrainingStage, string>> = {
  load: "reading orders",
  search: "choosing settings on a validation split",
  train: "growing trees",
  evaluate: "scoring the hold-out",
  refit: "refitting on all orders",
  save: "saving",
};

export interface SearchCandidate {
  areaEncoding: AreaEncodingKind;
  maxDepth: number;
  minSamplesLeaf: number;
  validationAuc: number | null;
}

export interface FittedDelayModel {
  model: DelayModel;
  search: SearchCandidate[];
  metrics: HoldoutMetrics;
}

export interface TrainReport {
  model: DelayModel;
  modelPath: string;
  metricsPath: string;
  saved: boolean;
  search: SearchCandidate[];
  metrics: HoldoutMetrics;
  reliable: boolean;
  warnings: string[];
  durationMs: number;
}

/** Fewer delivered orders than this can't give a meaningful hold-out. */
export const MIN_TRAINING_ORDERS = 200;
const HOLDOUT_FRACTION = 0.2;
const SEARCH_TREES = 60;
const REFERENCE_ORDERS = 100;

/**
 * Trains the delivery-delay forest on the orders in the database (see fitDelayModel) and saves
 * the artifact and its metrics file.
 */
export async function trainDelayModel(
  db: Db,
  options: TrainDelayModelOptions,
  onProgress: (progress: TrainProgress) => void = () => {},
): Promise<TrainReport> {
  const started = performance.now();
  onProgress({ stage: "load", done: 0, total: 1 });
  const all = await loadTrainingSet(db, options.since ?? null);
  onProgress({ stage: "load", done: 1, total: 1 });
  const { model, search, metrics } = await fitDelayModel(all, options, onProgress);

  const save = options.save ?? true;
  if (save) {
    onProgress({ stage: "save", done: 0, total: 1 });
    saveDelayModel(model, options.modelPath, { search });
    onProgress({ stage: "save", done: 1, total: 1 });
  }
  return {
    model,
    modelPath: options.modelPath,
    metricsPath: metricsPathFor(options.modelPath),
    saved: save,
    search,
    metrics,
    reliable: model.metadata.reliable,
    warnings: trainingWarnings(metrics),
    durationMs: performance.now() - started,
  };
}

/**
 * The model for a set of orders (oldest first): time-based split (earliest 80 % train, latest
 * 20 % hold-out), hyperparameters picked on the last 20 % of the training period, hold-out
 * metrics against two baselines, then (unless `refit: false`) the same recipe fitted again on
 * every order. Backtests call it on the orders before a cutoff.
 */
export async function fitDelayModel(
  all: TrainingSet,
  options: DelayModelRecipe,
  onProgress: (progress: TrainProgress) => void = () => {},
): Promise<FittedDelayModel> {
  checkEnoughData(all, options.since ?? null);
  const halfLifeDays = options.halfLifeDays ?? null;
  const engine = options.engine ?? "histogram-forest";
  if (halfLifeDays !== null) {
    checkHalfLife(halfLifeDays);
    if (engine !== "histogram-forest") {
      throw new Error("Recency weighting (a half-life) needs the histogram-forest engine.");
    }
  }

  const cut = Math.floor(all.orders.length * (1 - HOLDOUT_FRACTION));
  const train = sliceSet(all, 0, cut);
  const holdout = sliceSet(all, cut, all.orders.length);
  const seed = options.seed ?? DEFAULT_FOREST_OPTIONS.seed;
  const search = searchHyperparameters(train, options, seed, halfLifeDays, (done, total) =>
    onProgress({ stage: "search", done, total }),
  );
  const best = bestCandidate(search);

  const forestOptions: ForestOptions = {
    ...DEFAULT_FOREST_OPTIONS,
    nTrees: options.trees ?? 300,
    maxDepth: best.maxDepth,
    minSamplesLeaf: best.minSamplesLeaf,
    classWeight: "balanced",
    seed,
  };
  const grow = (set: TrainingSet, stage: "train" | "refit") =>
    fitPredictor(set, best.areaEncoding, forestOptions, engine, halfLifeDays, (done, total) =>
      onProgress({ stage, done, total }),
    );
  const evaluated = await grow(train, "train");

  onProgress({ stage: "evaluate", done: 0, total: 1 });
  const metrics = evaluateOnHoldout(evaluated, lateRate(train.labels) ?? 0, train, holdout);
  onProgress({ stage: "evaluate", done: 1, total: 1 });

  // The newest orders matter most for tomorrow's deliveries, so by default the saved forest
  // learns from them too; the hold-out figures stay those of the same recipe without them.
  const refit = options.refit ?? true;
  const fitted = refit ? all : train;
  const { encoding, forest } = refit ? await grow(all, "refit") : evaluated;
  const trainLateRate = lateRate(fitted.labels) ?? 0;
  const trainedAt = (options.now ?? new Date()).toISOString();
  const hash = hashTrainingSet(all);
  const data: ModelMetadata["data"] = {
    from: all.businessDays[0] ?? "",
    to: all.businessDays.at(-1) ?? "",
    rows: all.orders.length,
    trainRows: train.orders.length,
    testRows: holdout.orders.length,
    holdoutFrom: holdout.orderedAt[0]?.toISOString() ?? "",
    refit,
    fittedRows: fitted.orders.length,
    fittedThrough: fitted.orderedAt.at(-1)?.toISOString() ?? null,
    since: options.since ?? null,
    timeZone: options.timeZone,
    hash,
  };
  const model: DelayModel = {
    metadata: {
      format: MODEL_FORMAT,
      formatVersion: MODEL_FORMAT_VERSION,
      modelVersion: `${trainedAt.slice(0, 10)}-${hash.slice(0, 8)}`,
      trainedAt,
      engine,
      features: [...MODEL_FEATURES],
      featureColumns: featureColumns(encoding),
      areaEncoding: best.areaEncoding,
      hyperparameters: forestOptions,
      recencyHalfLifeDays: halfLifeDays,
      data,
      trainLateRate,
      metrics,
      metricsNote: metricsNoteFor(data),
      riskBands: riskBandsFor(trainLateRate),
      reliable: metrics.rocAuc !== null && metrics.rocAuc >= RELIABLE_AUC,
    },
    encoding,
    forest,
    reference: referenceSample(fitted),
  };
  return { model, search, metrics };
}

/** The area encoding and forest fitted on one set of orders. */
async function fitPredictor(
  set: TrainingSet,
  areaEncoding: AreaEncodingKind,
  forestOptions: ForestOptions,
  engine: EngineName,
  halfLifeDays: number | null,
  onTree: (done: number, total: number) => void,
): Promise<Predictor> {
  // The area late rates are weighted like the forest's rows, so the area column orders areas by
  // their recent lateness and a split can single out the areas that turned late.
  const sampleWeights = sampleWeightsFor(set, halfLifeDays);
  const encoding = fitEncoding(set.orders, set.labels, areaEncoding, {}, sampleWeights);
  const matrix = encodeOrders(encoding, set.orders);
  const forest =
    engine === "ml-random-forest"
      ? await trainWithMlRandomForest(matrix, set.labels, forestOptions, onTree)
      : trainForest(matrix, set.labels, forestOptions, { sampleWeights, onTree });
  return { encoding, forest };
}

function sampleWeightsFor(set: TrainingSet, halfLifeDays: number | null): Float64Array | undefined {
  return halfLifeDays === null ? undefined : recencyWeights(set.orderedAt, halfLifeDays);
}

function checkEnoughData(set: TrainingSet, since: string | null): void {
  const n = set.orders.length;
  const from = since ? ` since ${since}` : "";
  if (n < MIN_TRAINING_ORDERS) {
    throw new Error(
      `Only ${n} delivered orders with both a promised and an actual delivery time${from}; ` +
        `the delay model needs at least ${MIN_TRAINING_ORDERS}. Import more orders (blinkit data import <dir>)` +
        (since ? " or drop --since." : "."),
    );
  }
  const late = lateRate(set.labels) ?? 0;
  if (late === 0 || late === 1) {
    throw new Error(
      `Every delivered order${from} was ${late === 0 ? "on time" : "late"}, so there is nothing to learn. ` +
        "Check that promised and actual delivery times were imported correctly.",
    );
  }
}

/**
 * Tries each combination not fixed by the caller on a validation slice: fit on the first 80 %
 * of the training period, score on its last 20 %. The hold-out is never looked at here.
 */
function searchHyperparameters(
  train: TrainingSet,
  options: DelayModelRecipe,
  seed: number,
  halfLifeDays: number | null,
  onStep: (done: number, total: number) => void,
): SearchCandidate[] {
  const encodings: AreaEncodingKind[] = options.areaEncoding ? [options.areaEncoding] : ["target", "onehot"];
  const depths = options.maxDepth ? [options.maxDepth] : [6, 10, 14];
  const leaves = options.minSamplesLeaf ? [options.minSamplesLeaf] : [20, 50];
  const grid = encodings.flatMap((areaEncoding) =>
    depths.flatMap((maxDepth) =>
      leaves.map((minSamplesLeaf) => ({ areaEncoding, maxDepth, minSamplesLeaf })),
    ),
  );
  const cut = Math.floor(train.orders.length * (1 - HOLDOUT_FRACTION));
  const fit = sliceSet(train, 0, cut);
  const validation = sliceSet(train, cut, train.orders.length);
  const fitWeights = sampleWeightsFor(fit, halfLifeDays);
  const encoded = new Map(
    encodings.map((kind) => {
      const encoding = fitEncoding(fit.orders, fit.labels, kind, {}, fitWeights);
      return [
        kind,
        { fit: encodeOrders(encoding, fit.orders), validation: encodeOrders(encoding, validation.orders) },
      ];
    }),
  );
  const results: SearchCandidate[] = [];
  grid.forEach((candidate, i) => {
    const data = encoded.get(candidate.areaEncoding) as {
      fit: ReturnType<typeof encodeOrders>;
      validation: ReturnType<typeof encodeOrders>;
    };
    const forest = trainForest(
      data.fit,
      fit.labels,
      {
        nTrees: Math.min(SEARCH_TREES, options.trees ?? SEARCH_TREES),
        maxDepth: candidate.maxDepth,
        minSamplesLeaf: candidate.minSamplesLeaf,
        classWeight: "balanced",
        seed,
      },
      { sampleWeights: fitWeights },
    );
    results.push({
      ...candidate,
      validationAuc: rocAuc(predictMatrix(forest, data.validation), validation.labels),
    });
    onStep(i + 1, grid.length);
  });
  return results;
}

/** Highest validation AUC; on ties (or no AUC at all) the earliest, i.e. the simpler, candidate. */
function bestCandidate(search: SearchCandidate[]): SearchCandidate {
  let best = search[0] as SearchCandidate;
  for (const candidate of search) {
    if ((candidate.validationAuc ?? -1) > (best.validationAuc ?? -1) + 1e-9) best = candidate;
  }
  return best;
}

/** Evenly spaced orders the saved forest was fitted on: the "typical orders" for explanations. */
function referenceSample(fitted: TrainingSet): DelayModel["reference"] {
  const n = fitted.orders.length;
  const size = Math.min(REFERENCE_ORDERS, n);
  return Array.from(
    { length: size },
    (_, k) => fitted.orders[Math.floor((k * n) / size)] as DelayModel["reference"][0],
  );
}

export function trainingWarnings(metrics: HoldoutMetrics): string[] {
  const warnings: string[] = [];
  const auc = metrics.rocAuc;
  if (auc === null) {
    warnings.push("The hold-out period has only on-time or only late orders, so ROC-AUC is undefined.");
  } else if (auc < RELIABLE_AUC) {
    warnings.push(
      `Hold-out ROC-AUC is ${auc.toFixed(3)}, below ${RELIABLE_AUC}: hour, weekday, area and promised minutes ` +
        "carry little signal in this data. /delay-risk and the digest will say predictions are unreliable.",
    );
  }
  const baseline = metrics.baselines.areaLateRate;
  if (auc !== null && baseline !== null && auc <= baseline + 0.005) {
    warnings.push(
      `The forest (AUC ${auc.toFixed(3)}) does no better than ranking by the area's late rate (AUC ${baseline.toFixed(3)}).`,
    );
  }
  return warnings;
}
