import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/** What the public pages need to know about a failed request. */
export interface Problem {
  /** The API's `extensions.code`, `NETWORK` when the request never got an answer, or null. */
  code: string | null;
  message: string;
  /**
   * Field errors keyed by the API's path: JSON pointers for extension-schema fields (`/age`,
   * `/membership/level`), `input.<name>` for the standard inputs (`input.phone`, `input.email`).
   */
  fields: Record<string, string>;
  /** LIMIT_EXCEEDED: how long to wait before trying again (`extensions.retryAfterSeconds`); null otherwise. */
  retryAfterSeconds: number | null;
}

export function toProblem(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      const list = e.extensions?.fields;
      if (!Array.isArray(list)) continue;
      for (const item of list as unknown[]) {
        if (item && typeof item === "object" && "path" in item && "message" in item) {
          const key = String(item.path);
          fields[key] = fields[key] ? `${fields[key]}; ${String(item.message)}` : String(item.message);
        }
      }
    }
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : null;
    const retry = first?.extensions?.retryAfterSeconds;
    const retryAfterSeconds = typeof retry === "number" && Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : null;
    return { code, message: first?.message ?? "Request failed", fields, retryAfterSeconds };
  }
  // A refused credential answered as plain JSON (HTTP 401/403 without the GraphQL media type): not a network error.
  if (ServerError.is(error) && (error.statusCode === 401 || error.statusCode === 403)) {
    const code = codeInBody(error.bodyText) ?? (error.statusCode === 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
    return { code, message: error.message, fields: {}, retryAfterSeconds: null };
  }
  // No answer, or an answer that is not GraphQL (proxy error page, 502): the request may or may not have arrived.
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) {
    return { code: "NETWORK", message: error instanceof Error ? error.message : "Network error", fields: {}, retryAfterSeconds: null };
  }
  if (error instanceof Error) return { code: null, message: error.message, fields: {}, retryAfterSeconds: null };
  return { code: null, message: "Something went wrong", fields: {}, retryAfterSeconds: null };
}

/** A request that may have reached the server without us hearing back: safe to retry only with the same key. */
export function isRetryable(problem: Problem): boolean {
  return problem.code === "NETWORK";
}

/** `errors[0].extensions.code` of a GraphQL response body, if the body is one. */
function codeInBody(bodyText: string): string | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (!body || typeof body !== "object" || !("errors" in body) || !Array.isArray(body.errors)) return null;
    const first: unknown = body.errors[0];
    if (!first || typeof first !== "object" || !("extensions" in first)) return null;
    const extensions: unknown = first.extensions;
    return extensions && typeof extensions === "object" && "code" in extensions && typeof extensions.code === "string" ? extensions.code : null;
  } catch {
    return null;
  }
}
