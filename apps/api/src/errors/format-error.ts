import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { isTokenLimitError } from "../limits.js";
import { isDatabaseBusy } from "@qline/db";
import { AppError, ErrorCode, RetryLaterError, type FieldError } from "./codes.js";

/** PostgreSQL SQLSTATEs the app can meet in normal operation, and what they mean to a client. */
const postgresCodes: Record<string, { code: ErrorCode; message: string }> = {
  "42501": { code: ErrorCode.FORBIDDEN, message: "Not allowed in this tenant" },
  "23505": { code: ErrorCode.CONFLICT, message: "Already exists" },
  "23503": { code: ErrorCode.BAD_USER_INPUT, message: "Refers to something that does not exist" },
  "22P02": { code: ErrorCode.BAD_USER_INPUT, message: "Malformed value" },
  // Text PostgreSQL cannot store (a NUL, bytes invalid in UTF-8): request-input.ts refuses most before any query.
  "22021": { code: ErrorCode.BAD_USER_INPUT, message: "Text contains a character that cannot be stored" },
  "22P05": { code: ErrorCode.BAD_USER_INPUT, message: "Text contains a character that cannot be stored" },
  "22001": { code: ErrorCode.BAD_USER_INPUT, message: "Value too long" },
  "22003": { code: ErrorCode.BAD_USER_INPUT, message: "Number out of range" },
  "22007": { code: ErrorCode.BAD_USER_INPUT, message: "Malformed date or time" },
  "22008": { code: ErrorCode.BAD_USER_INPUT, message: "Date or time out of range" },
  "23514": { code: ErrorCode.BAD_USER_INPUT, message: "Value out of range" },
  "40001": { code: ErrorCode.CONFLICT, message: "Concurrent update, retry" },
  "40P01": { code: ErrorCode.CONFLICT, message: "Concurrent update, retry" },
  // statement_timeout: the request's time budget (LIMIT_EXECUTION_MS) ran out.
  "57014": { code: ErrorCode.LIMIT_EXCEEDED, message: "The request took longer than its time budget" },
};

/** Walks `cause` links (drizzle wraps driver errors) to find a PostgreSQL error code. */
function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function validationFields(error: ArgumentValidationError): FieldError[] | null {
  const fields: FieldError[] = [];
  // class-validator that crashed leaves its own Error here instead of a list: an internal error, not the client's.
  if (!Array.isArray(error.extensions.validationErrors)) return null;
  const walk = (errors: ArgumentValidationError["extensions"]["validationErrors"], prefix: string) => {
    for (const e of errors) {
      const path = prefix ? `${prefix}.${e.property}` : e.property;
      for (const message of Object.values(e.constraints ?? {})) fields.push({ path, message: String(message) });
      if (e.children?.length) walk(e.children, path);
    }
  };
  walk(error.extensions.validationErrors, "");
  return fields;
}

export interface FormatErrorOptions {
  /**
   * Kept for callers; no longer widens what a client sees. In every mode an unexpected error reaches the client
   * as "Internal server error" (its message can hold SQL text and parameters) and is logged in full here.
   */
  exposeInternals: boolean;
  log?: (message: string, error: unknown) => void;
}

/** One mapping from thrown errors to `extensions.code`, shared by HTTP (Apollo) and WebSocket (graphql-ws). */
export function toGraphQLError(error: unknown, options: FormatErrorOptions): GraphQLError {
  const original = error instanceof GraphQLError && !(error instanceof ArgumentValidationError) ? (error.originalError ?? error) : error;
  const gqlPath = error instanceof GraphQLError ? error.path : undefined;
  const base = { path: gqlPath };
  if (original instanceof AppError) {
    return new GraphQLError(original.message, {
      ...base,
      extensions: {
        code: original.code,
        ...(original.fields ? { fields: original.fields } : {}),
        ...(original instanceof RetryLaterError ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    });
  }
  if (isDatabaseBusy(original)) {
    return new GraphQLError("The service is busy, retry shortly", { ...base, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: 1 } });
  }
  const fields = original instanceof ArgumentValidationError ? validationFields(original) : null;
  if (original instanceof ArgumentValidationError && fields) {
    return new GraphQLError(`Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, {
      ...base,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
    });
  }
  const pgCode = postgresCode(original);
  const mapped = pgCode ? postgresCodes[pgCode] : undefined;
  if (mapped) return new GraphQLError(mapped.message, { ...base, extensions: { code: mapped.code } });
  if (error instanceof GraphQLError && !error.originalError && !(original instanceof ArgumentValidationError)) return error; // parse/validation errors from graphql-js
  options.log?.("[api] unexpected error", original instanceof ArgumentValidationError ? original.extensions.validationErrors : original);
  return new GraphQLError("Internal server error", {
    ...base,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

export function formatError(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const domain = original instanceof AppError || original instanceof ArgumentValidationError || postgresCode(original) !== undefined || isDatabaseBusy(original);
  const code = formatted.extensions?.code;
  // The parser's token limit (limits.ts) is a syntax error to Apollo (GRAPHQL_PARSE_FAILED); to the client, a limit.
  if (isTokenLimitError(original)) return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.LIMIT_EXCEEDED } };
  // Our validation rules (limits.ts) raise GraphQLErrors with a registry code; Apollo relabels them.
  const ownCode = original instanceof GraphQLError ? original.extensions?.code : undefined;
  if (typeof ownCode === "string" && ownCode in ErrorCode && ownCode !== code) return { ...formatted, extensions: { ...formatted.extensions, code: ownCode } };
  // Apollo's own request errors (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT for variables) pass through.
  if (!domain && typeof code === "string" && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  const mapped = toGraphQLError(error, options);
  return { ...mapped.toJSON(), locations: formatted.locations, path: formatted.path };
}
