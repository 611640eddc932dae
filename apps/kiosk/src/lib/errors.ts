import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/** What the public pages need to know about a failed request. */
export interface Problem {
  /** The API's `extensions.code`, `NETWORK` when the request never got an answer, or null. */
  code: string | null;
  message: string;
  /** Extension-schema errors keyed by JSON pointer (`/age`, `/membership/level`). */
  fields: Record<string, string>;
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
    return { code, message: first?.message ?? "Request failed", fields };
  }
  // No answer, or an answer that is not GraphQL (proxy error page, 502): the request may or may not have arrived.
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) {
    return { code: "NETWORK", message: error instanceof Error ? error.message : "Network error", fields: {} };
  }
  if (error instanceof Error) return { code: null, message: error.message, fields: {} };
  return { code: null, message: "Something went wrong", fields: {} };
}

/** A request that may have reached the server without us hearing back: safe to retry only with the same key. */
export function isRetryable(problem: Problem): boolean {
  return problem.code === "NETWORK";
}
