/** Every `extensions.code` qline returns. Partners switch on these; docs/error-codes.md explains each. */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  CONFLICT: "CONFLICT",
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  /** A single-use link (device pairing) that expired or was already used: ask for a new one. */
  LINK_EXPIRED: "LINK_EXPIRED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A failing input field: `path` is the GraphQL input path ("input.slug") or a JSON pointer for JSON data. */
export interface FieldError {
  path: string;
  message: string;
}

/** A domain error: thrown by services, mapped to a GraphQL error with `extensions.code` by formatError. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = "Sign in or provide an API key") => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const badInput = (message: string, fields?: FieldError[]) => new AppError(ErrorCode.BAD_USER_INPUT, message, fields);
export const conflict = (message: string) => new AppError(ErrorCode.CONFLICT, message);
export const linkExpired = (message: string) => new AppError(ErrorCode.LINK_EXPIRED, message);
export const limitExceeded = (message: string) => new AppError(ErrorCode.LIMIT_EXCEEDED, message);

/**
 * Refused for now, not for good: LIMIT_EXCEEDED (a rate limit or fairness cap) or SERVICE_UNAVAILABLE (the
 * database is saturated). `retryAfterSeconds` goes to `extensions.retryAfterSeconds` (and HTTP `Retry-After`).
 */
export class RetryLaterError extends AppError {
  constructor(
    code: typeof ErrorCode.LIMIT_EXCEEDED | typeof ErrorCode.SERVICE_UNAVAILABLE,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
    this.name = "RetryLaterError";
  }
}
