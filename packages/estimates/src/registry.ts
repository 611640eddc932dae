import { estimateRecentAverage, type RecentAverageOptions } from "./recent-average.js";
import { estimateServiceRate, type ServiceRateOptions } from "./service-rate.js";
import type { EstimatesByTicket, EstimatorName, LineSnapshot, LocalEstimatorName } from "./types.js";

/** The options each local estimator takes. */
export interface EstimatorOptionsByName {
  RECENT_AVERAGE: RecentAverageOptions;
  SERVICE_RATE: ServiceRateOptions;
}

export type EstimatorFunction<Options> = (snapshot: LineSnapshot, options?: Partial<Options>) => EstimatesByTicket;

/** The local estimators by name; NONE and WEBHOOK are the API's. */
export const estimators: { readonly [Name in LocalEstimatorName]: EstimatorFunction<EstimatorOptionsByName[Name]> } = {
  RECENT_AVERAGE: estimateRecentAverage,
  SERVICE_RATE: estimateServiceRate,
};

/** The estimator a new line uses. */
export const DEFAULT_ESTIMATOR: LocalEstimatorName = "SERVICE_RATE";

export const ESTIMATOR_NAMES: readonly EstimatorName[] = ["NONE", "RECENT_AVERAGE", "SERVICE_RATE", "WEBHOOK"];

export function isLocalEstimatorName(name: string): name is LocalEstimatorName {
  return name === "RECENT_AVERAGE" || name === "SERVICE_RATE";
}
