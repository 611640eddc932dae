import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/** What a form or page shows for a failed request: one message, the API's code, and messages per input field. */
export interface Problem {
  message: string;
  code: string | null;
  /** Keyed by input path without the `input.` prefix: "slug", "theme.primaryColor", "location.latitude". */
  fields: Record<string, string>;
}

const friendly: Record<string, string> = {
  UNAUTHENTICATED: "Your session has ended. Sign in again.",
  FORBIDDEN: "You do not have permission to do this.",
  NOT_FOUND: "Not found, or you have no access to it.",
  LIMIT_EXCEEDED: "A limit was exceeded.",
};

/** "input.theme.primaryColor" → "theme.primaryColor"; "/properties/x" (JSON pointer) stays as it is. */
export function fieldKey(path: string): string {
  return path.replace(/^input\./, "");
}

const e0Path = (e: { path?: readonly (string | number)[] } | undefined) => e?.path?.[0];

export function toProblem(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const fields: Record<string, string> = {};
    for (const e of error.errors) {
      const list = e.extensions?.fields;
      if (!Array.isArray(list)) continue;
      for (const item of list as unknown[]) {
        if (item && typeof item === "object" && "path" in item && "message" in item) {
          const key = fieldKey(String(item.path));
          fields[key] = fields[key] ? `${fields[key]}; ${String(item.message)}` : String(item.message);
        }
      }
    }
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : null;
    // A failed sign-in is UNAUTHENTICATED too: its own message ("Invalid email or password") is the useful one.
    const signIn = e0Path(first) === "login";
    const message = (code === "BAD_USER_INPUT" || code === "CONFLICT" || !code || signIn ? first?.message : friendly[code] ?? first?.message) ?? "Request failed";
    return { message, code, fields };
  }
  if (ServerError.is(error)) return { message: `The server answered ${error.statusCode}. Try again in a moment.`, code: null, fields: {} };
  if (ServerParseError.is(error)) return { message: "The server sent an unreadable answer.", code: null, fields: {} };
  if (error instanceof TypeError) return { message: "Cannot reach the server. Check your connection.", code: "NETWORK", fields: {} };
  if (error instanceof Error) return { message: error.message, code: null, fields: {} };
  return { message: "Something went wrong", code: null, fields: {} };
}

/** Runs a mutation and returns either its result or the problem to show; never throws. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problem: Problem }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/**
 * CONFLICT errors (unique slug, existing email) carry no field path; place them on the field their message
 * names, so "already taken" shows next to the slug rather than at the top of the form.
 */
export function placeConflict(problem: Problem | null, fields: Record<string, RegExp>): Problem | null {
  if (!problem || problem.code !== "CONFLICT" || Object.keys(problem.fields).length) return problem;
  for (const [field, pattern] of Object.entries(fields)) {
    if (pattern.test(problem.message)) return { ...problem, fields: { [field]: problem.message } };
  }
  return problem;
}
