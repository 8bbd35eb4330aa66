/** The delay model's public surface: what the CLI, the command, the digest and the Slack modal call. */
export { DelayInputError, type DelayTarget, listAreasForSelect } from "./areas.ts";
export { type DelayRiskCommandRequest, parseDelayRiskArgs } from "./args.ts";
export { loadDelayModel, ModelLoadError, metricsPathFor } from "./artifact.ts";
export { DELAY_MODEL_SERVICE, getDelayModel } from "./cache.ts";
export { delayHotspots, type Hotspot, type HotspotReport } from "./hotspots.ts";
export { type DelayModel, RELIABLE_AUC, type RiskBand } from "./model.ts";
export { type DelayRiskRequest, type DelayRiskResult, predictDelayRisk } from "./predict.ts";
export {
  type EvaluationReport,
  evaluateSavedModel,
  formatEvaluationReport,
  formatTrainReport,
} from "./report.ts";
export {
  TRAINING_STAGE_WORDS,
  type TrainDelayModelOptions,
  type TrainProgress,
  type TrainReport,
  trainDelayModel,
} from "./train.ts";
