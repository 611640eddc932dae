// The estimates feature's error codes. The API maps EstimateOptionError to BAD_USER_INPUT when a tenant
// configures a line with invalid estimator options.

export const EstimateErrorCode = {
  OPTION_INVALID: "ESTIMATE_OPTION_INVALID",
} as const;

export type EstimateErrorCode = (typeof EstimateErrorCode)[keyof typeof EstimateErrorCode];

/** Thrown when an estimator option is out of range (e.g. RECENT_AVERAGE with N < 1). */
export class EstimateOptionError extends Error {
  readonly code: EstimateErrorCode = EstimateErrorCode.OPTION_INVALID;

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly requirement: string,
  ) {
    super(`Estimator option "${option}" must be ${requirement} (got ${String(value)})`);
    this.name = "EstimateOptionError";
  }
}

/** Returns `value` when it is a finite number satisfying `isValid`, otherwise throws EstimateOptionError. */
export function requireNumberOption(
  option: string,
  value: unknown,
  requirement: string,
  isValid: (value: number) => boolean,
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !isValid(value)) {
    throw new EstimateOptionError(option, value, requirement);
  }
  return value;
}
