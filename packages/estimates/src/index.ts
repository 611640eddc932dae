export type {
  CounterEvent,
  Estimate,
  EstimateBasis,
  EstimatesByTicket,
  EstimatorName,
  FinishedTicket,
  LineSnapshot,
  LocalEstimatorName,
  PlannedClosure,
  ServingTicket,
  TicketOutcome,
  TicketTypeDefaults,
  WaitingTicket,
} from "./types.js";
export { EstimateErrorCode, EstimateOptionError } from "./errors.js";
export {
  estimateRecentAverage,
  resolveRecentAverageOptions,
  RECENT_AVERAGE_DEFAULTS,
  type RecentAverageOptions,
} from "./recent-average.js";
export {
  estimateServiceRate,
  resolveServiceRateOptions,
  SERVICE_RATE_DEFAULTS,
  type ServiceRateOptions,
} from "./service-rate.js";
export { learnServiceModel, type ServiceModel, type TypeServiceTime } from "./service-model.js";
export { validateWebhookBand, MAX_WEBHOOK_BAND_SECONDS, type EstimateBand, type WebhookBandResult } from "./webhook-band.js";
export {
  estimators,
  DEFAULT_ESTIMATOR,
  ESTIMATOR_NAMES,
  isLocalEstimatorName,
  type EstimatorFunction,
  type EstimatorOptionsByName,
} from "./registry.js";
export { gammaQuantile } from "./gamma.js";
