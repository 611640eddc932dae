/**
 * Parse and validate once per distinct subscription text. Clients subscribe with the same few operations (the
 * admin board's, the display's, the customer page's), so 10,000 subscribers need one parsed document, not
 * 10,000: the document is also what shared execution groups subscribers by (see shared-execution.ts).
 */
import { parse, type DocumentNode, type GraphQLError, type GraphQLSchema } from "graphql";
import { validateWithLimits } from "../limits.js";

/** Distinct query texts remembered (least recently used dropped first). */
export const maxCachedDocuments = 500;
/** Longer texts are parsed every time and not kept (a cache entry should not be a way to pin memory). */
export const maxCachedQueryLength = 16 * 1024;

const documents = new Map<string, DocumentNode>();

/** `parse`, remembered per query text (bounded, least recently used out). Throws graphql's syntax error. */
export function cachedParse(query: string): DocumentNode {
  const cached = documents.get(query);
  if (cached) {
    documents.delete(query); // re-insert: Map order is the recency order
    documents.set(query, cached);
    return cached;
  }
  const document = parse(query);
  if (query.length <= maxCachedQueryLength) {
    if (documents.size >= maxCachedDocuments) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
  }
  return document;
}

const validations = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();

/** graphql's rules plus our depth/alias limits, once per (schema, document): both are immutable. */
export function cachedValidate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  let bySchema = validations.get(schema);
  if (!bySchema) validations.set(schema, (bySchema = new WeakMap()));
  let errors = bySchema.get(document);
  if (!errors) {
    errors = validateWithLimits(schema, document);
    bySchema.set(document, errors);
  }
  return errors;
}

/** For tests: how many query texts are cached. */
export const cachedDocumentCount = (): number => documents.size;
