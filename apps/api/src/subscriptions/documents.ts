/**
 * Parse and validate once per distinct subscription text. Clients subscribe with the same few operations (the
 * admin board's, the display's, the customer page's), so 10,000 subscribers need one parsed document, not
 * 10,000: the document is also what shared execution groups subscribers by (see shared-execution.ts).
 */
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from "graphql";

/** Distinct query texts remembered (least recently used dropped first). */
export const maxCachedDocuments = 500;
/** Longer texts are parsed every time and not kept (a cache entry should not be a way to pin memory). */
export const maxCachedQueryLength = 16 * 1024;

const documents = new Map<string, DocumentNode>();

/**
 * `parse` with graphql's `maxTokens` (the parser gives up at that token, before building a large AST),
 * remembered per (limit, query text), bounded, least recently used out. Throws graphql's syntax error.
 */
export function cachedParse(query: string, maxTokens: number): DocumentNode {
  const key = `${maxTokens}:${query}`;
  const cached = documents.get(key);
  if (cached) {
    documents.delete(key); // re-insert: Map order is the recency order
    documents.set(key, cached);
    return cached;
  }
  const document = parse(query, { maxTokens });
  if (query.length <= maxCachedQueryLength) {
    if (documents.size >= maxCachedDocuments) documents.delete(documents.keys().next().value!);
    documents.set(key, document);
  }
  return document;
}

const validations = new WeakMap<readonly ValidationRule[], WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>>();

/** graphql's rules plus `rules` (our shape limits), once per (rules, schema, document): all three are immutable. */
export function cachedValidate(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[]): readonly GraphQLError[] {
  let byRules = validations.get(rules);
  if (!byRules) validations.set(rules, (byRules = new WeakMap()));
  let bySchema = byRules.get(schema);
  if (!bySchema) byRules.set(schema, (bySchema = new WeakMap()));
  let errors = bySchema.get(document);
  if (!errors) {
    errors = validate(schema, document, [...specifiedRules, ...rules]);
    bySchema.set(document, errors);
  }
  return errors;
}

/** For tests: how many query texts are cached. */
export const cachedDocumentCount = (): number => documents.size;
