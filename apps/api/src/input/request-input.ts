/**
 * Input hygiene, decided before any resolver (and before any recursive code) sees a request:
 *
 * - nesting: a JSON body, a GET request's `variables`, a WebSocket `subscribe` payload and a GraphQL query's own
 *   brackets are scanned linearly (no recursion) and refused past `inputLimits.maxNesting`, so nothing later
 *   (JSON.stringify, graphql-js, class-validator, Ajv) can overflow the stack on a 100k-deep value;
 * - text: every string and object key in the query, variables, operation name and extensions, and every string
 *   literal in the parsed document, is refused if it holds a NUL (U+0000; PostgreSQL text cannot store it) or a
 *   lone UTF-16 surrogate (not Unicode; invalid once encoded as UTF-8).
 *
 * A refusal is BAD_USER_INPUT (HTTP 400), never INTERNAL_SERVER_ERROR. server.ts calls these on both transports:
 * `express.json({ verify: verifyJsonNesting })` + `checkHttpInput` + `inputHygienePlugin` for HTTP,
 * `subscribeInputErrors` + `documentInputErrors` in graphql-ws `onSubscribe`.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { ErrorRequestHandler, RequestHandler } from "express";
import { GraphQLError, visit, type DocumentNode } from "graphql";
import { ErrorCode } from "../errors/codes.js";

export const inputLimits = {
  /** Nesting of objects/arrays in a JSON body or variables, and of brackets in a GraphQL query. */
  maxNesting: 64,
} as const;

export const inputError = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });

const tooDeep = (what: string) => `${what} nests deeper than ${inputLimits.maxNesting} levels`;

/** Deepest nesting of `{`/`[` outside JSON strings, stopping as soon as it passes `max`. One pass, no recursion. */
export function jsonNestingExceeds(text: Uint8Array | string, max: number = inputLimits.maxNesting): boolean {
  const code = typeof text === "string" ? (i: number) => text.charCodeAt(i) : (i: number) => text[i]!;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = code(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/** Deepest nesting of `{`, `[`, `(` in a GraphQL document outside strings, block strings and comments. */
export function graphqlNestingExceeds(source: string, max: number = inputLimits.maxNesting): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        // Block strings: `\"""` is the only escape.
        let close = end;
        while (close !== -1 && source.charCodeAt(close - 1) === 0x5c) close = source.indexOf('"""', close + 3);
        if (close === -1) return false; // unterminated: the parser reports it
        i = close + 2;
      } else {
        for (i++; i < source.length; i++) {
          const s = source.charCodeAt(i);
          if (s === 0x5c) i++;
          else if (s === 0x22 || s === 0x0a) break;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28 /* ( */) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) depth--;
  }
  return false;
}

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const badText = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(value: string): string | null {
  const match = badText.exec(value);
  if (!match) return null;
  return match[0] === "\u0000" ? "a NUL character (U+0000)" : "a lone UTF-16 surrogate (not valid Unicode)";
}

/**
 * The first string or key in `value` holding a NUL or a lone surrogate, as "where: problem"; null when clean.
 * Iterative, and refuses nesting past `maxNesting` itself (variables that did not come through a scanned body).
 */
export function valueProblem(value: unknown, where: string, maxNesting = inputLimits.maxNesting): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: where, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) return `${item.path} contains ${problem}`;
    } else if (typeof item.value === "object" && item.value !== null) {
      if (item.depth >= maxNesting) return tooDeep(item.path);
      if (Array.isArray(item.value)) {
        item.value.forEach((v, i) => stack.push({ value: v, path: `${item.path}[${i}]`, depth: item.depth + 1 }));
      } else {
        for (const [key, v] of Object.entries(item.value as Record<string, unknown>)) {
          const problem = textProblem(key);
          if (problem) return `a key in ${item.path} contains ${problem}`;
          stack.push({ value: v, path: `${item.path}.${key}`, depth: item.depth + 1 });
        }
      }
    }
  }
  return null;
}

/** What a GraphQL request carries, on either transport. */
export interface OperationInput {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** The first problem with a request's query text, variables, operation name or extensions (before parsing). */
export function operationInputProblem(input: OperationInput): string | null {
  if (typeof input.query === "string") {
    const problem = textProblem(input.query);
    if (problem) return `The query contains ${problem}`;
    if (graphqlNestingExceeds(input.query)) return tooDeep("The query");
  }
  return (
    valueProblem(input.variables, "variables") ?? valueProblem(input.operationName, "operationName") ?? valueProblem(input.extensions, "extensions")
  );
}

/** String literals in a parsed document, after escapes are decoded (`"\u0000"` in the text is a NUL here). */
export function documentProblem(document: DocumentNode): string | null {
  let found: string | null = null;
  // graphql-js's visit keeps its own stack: no recursion on deep documents.
  visit(document, {
    StringValue(node) {
      const problem = textProblem(node.value);
      if (problem && !found) found = `A string in the query contains ${problem}`;
    },
  });
  return found;
}

// ---- HTTP (Express + Apollo) ----

/** `express.json({ verify })`: refuses a body nested too deeply before JSON.parse and everything after it. */
export function verifyJsonNesting(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonNestingExceeds(body)) throw Object.assign(new Error(tooDeep("The request body")), { status: 400, expose: true, type: "qline.input" });
}

const sendInputError = (res: Parameters<RequestHandler>[1], status: number, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT) => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/** After express.json: the body (POST) or the query string (GET) must be clean before Apollo sees it. */
export const checkHttpInput: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  const items: OperationInput[] = Array.isArray(body) ? (body as OperationInput[]) : typeof body === "object" && body !== null ? [body as OperationInput] : [];
  if (req.method === "GET") {
    const { variables, extensions } = req.query;
    for (const [name, text] of [["variables", variables], ["extensions", extensions]] as const) {
      if (typeof text === "string" && jsonNestingExceeds(text)) return sendInputError(res, 400, tooDeep(name));
    }
    items.push({ query: req.query.query, operationName: req.query.operationName, variables: typeof variables === "string" ? variables : undefined });
  }
  for (const item of items) {
    const problem = operationInputProblem(item);
    if (problem) return sendInputError(res, 400, problem);
  }
  next();
};

/** Errors from body parsing (malformed JSON, too large, too deep) as GraphQL-shaped JSON, never an HTML page. */
export const inputErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) return next(error);
  const { status, type, expose, message } = error as { status?: unknown; type?: unknown; expose?: unknown; message?: unknown };
  if (typeof status === "number" && status >= 400 && status < 500) {
    const text = type === "qline.input" && typeof message === "string" ? message : status === 413 ? "The request body is too large" : "The request body is not valid JSON";
    return sendInputError(res, status, expose === false ? "Bad request" : text, status === 413 ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.BAD_USER_INPUT);
  }
  next(error);
};

/** Apollo: variables (also from GET) and decoded string literals, before execution coerces anything. */
export const inputHygienePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const problem = operationInputProblem({ variables: request.variables, operationName: request.operationName, extensions: request.extensions }) ?? documentProblem(document);
        if (problem) throw inputError(problem);
      },
    };
  },
};

// ---- WebSocket (graphql-ws onSubscribe) ----

/** Before parsing a `subscribe` payload: query text, variables, operation name, extensions. */
export function subscribeInputErrors(payload: OperationInput): GraphQLError[] | null {
  const problem = operationInputProblem(payload);
  return problem ? [inputError(problem)] : null;
}

/** After parsing: decoded string literals. */
export function documentInputErrors(document: DocumentNode): GraphQLError[] | null {
  const problem = documentProblem(document);
  return problem ? [inputError(problem)] : null;
}
