/**
 * Request limits shared by HTTP (Apollo) and WebSocket (graphql-ws `onSubscribe`): graphql-ws runs neither
 * Apollo plugins nor its validation rules by itself, so both transports call the functions here.
 *
 * In the order a request meets them: body size (express.json / ws `maxPayload`), tokens (graphql's parser stops
 * counting at `maxTokens`, before building a large AST), shape (graphql-armor's depth, alias and directive
 * rules, with graphql's own validation), cost (graphql-query-complexity, with the variables: a page of `first: n`
 * costs n times its selection), then the execution time budget (a deadline per request, enforced by PostgreSQL's
 * `statement_timeout`).
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import { fieldExtensionsEstimator, getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { ErrorCode } from "./errors/codes.js";

export interface RequestLimits {
  /** Largest HTTP body and WebSocket message, in bytes (LIMIT_REQUEST_BYTES). */
  requestBytes: number;
  /** Tokens in one document; the parser aborts past it (LIMIT_TOKENS). */
  maxTokens: number;
  /** Deepest selection: Tenant.children.children… is legitimate, but not without bound (LIMIT_DEPTH). */
  maxDepth: number;
  /** Aliases per operation: one request must not fan out into thousands of resolver calls (LIMIT_ALIASES). */
  maxAliases: number;
  /** Directives per operation (LIMIT_DIRECTIVES). */
  maxDirectives: number;
  /** Estimated cost of a query or mutation (LIMIT_COST); see `costEstimator`. */
  maxCost: number;
  /** Estimated cost of a subscription's selection, paid again on every event (LIMIT_SUBSCRIPTION_COST). */
  maxSubscriptionCost: number;
  /** Time budget of one HTTP request or WebSocket query/mutation, in ms (LIMIT_EXECUTION_MS). */
  executionMs: number;
  /** Open WebSockets from one IP address (LIMIT_WS_CONNECTIONS_PER_IP). */
  wsConnectionsPerIp: number;
  /** Open WebSockets of one user or API key; anonymous sockets have only the per-IP cap (LIMIT_WS_CONNECTIONS_PER_ACTOR). */
  wsConnectionsPerActor: number;
  /** Subscriptions one WebSocket may hold at once (LIMIT_SUBSCRIPTIONS_PER_CONNECTION). */
  maxSubscriptionsPerConnection: number;
}

export const defaultLimits: RequestLimits = {
  requestBytes: 2 * 1024 * 1024,
  maxTokens: 4000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 20_000,
  maxSubscriptionCost: 2_000,
  executionMs: 10_000,
  wsConnectionsPerIp: 256,
  wsConnectionsPerActor: 64,
  maxSubscriptionsPerConnection: 50,
};

/** What an unpaged list field (`Tenant.lines`, `Line.counters`, …) is assumed to hold when estimating cost. */
export const assumedListSize = 10;

/**
 * Lists whose nesting does not compound: `children { children { … } }` walks one tenant tree, each tenant once
 * at its level, so ten children per level, six levels down, would claim a million tenants that cannot exist
 * (the admin's tree view asks for six levels). A small fan-out keeps nested trees cheap, and still counts each level.
 * A page's own list (paid for by its `first`) counts once.
 */
export const listSizes: Readonly<Record<string, number>> = {
  "Tenant.children": 2,
  // The page itself: chainAnalytics' `first` already multiplied its selection.
  "ChainAnalyticsPage.stores": 1,
};

export const limitError = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED } });

/** graphql-armor's rules report a "Syntax Error: …" and throw; we report a LIMIT_EXCEEDED and let validation finish. */
const reportLimit = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(error.message.replace(/^Syntax Error: /, "")));
const armor = { exposeLimits: true, propagateOnRejection: false, onReject: [reportLimit] };

/** The shape rules (depth, aliases, directives), run with graphql's own rules on both transports. */
export function shapeRules(limits: RequestLimits): ValidationRule[] {
  return [
    // Fragments add no depth of their own: `...BoardTicket` counts as the fields it spreads.
    maxDepthRule({ ...armor, n: limits.maxDepth, flattenFragments: true }),
    // Every alias counts, `__typename` too (graphql-armor allows those by default).
    maxAliasesRule({ ...armor, n: limits.maxAliases, allowList: [] }),
    maxDirectivesRule({ ...armor, n: limits.maxDirectives }),
  ] as ValidationRule[]; // graphql-armor types its rules as returning its own visitor classes; they are ASTVisitors
}

/** graphql's parser error when a document is over `maxTokens` (it carries no code of its own). */
export const isTokenLimitError = (error: unknown): boolean =>
  error instanceof GraphQLError && /Document contains more tha[nt] \d+ tokens/.test(error.message);

/**
 * The cost of a field: 1, plus its selection's cost times how many times that selection runs. A field with a
 * `first`/`last` argument runs it that many times (the argument's default when omitted, e.g. 50 tickets);
 * `nodes`/`edges` of a connection were paid for by that page already; any other list is assumed to hold
 * `assumedListSize` items. A field may override this with a type-graphql `complexity` (field extensions).
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const page = [args.first, args.last].find((n): n is number => typeof n === "number");
  if (page !== undefined) return 1 + Math.max(page, 1) * childComplexity;
  const isList = isListType(getNullableType(field.type));
  const parent = getNamedType(type).name;
  // Introspection (`__Type.fields`, …) reads the schema in memory; counted at 2 so GraphiQL's and codegen's
  // standard introspection query (~50,000 at 10) passes, while nesting it still grows the cost.
  if (isList && parent.startsWith("__")) return 1 + 2 * childComplexity;
  if (isList && !parent.endsWith("Connection")) return 1 + (listSizes[`${parent}.${field.name}`] ?? assumedListSize) * childComplexity;
  return 1 + childComplexity;
};

const estimators = [fieldExtensionsEstimator(), costEstimator];

/**
 * The estimated cost of the operation `operationName` in `document` with `variables`. Throws graphql's error
 * when the variables do not coerce (execution would refuse them the same way).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  return getComplexity({ schema, query: document, estimators, ...(operationName ? { operationName } : {}), variables: variables ?? {} });
}

/** The operation's kind (`query`, `mutation`, `subscription`), or undefined when `operationName` matches none. */
function operationKind(document: DocumentNode, operationName?: string | null) {
  const operations = document.definitions.filter((d) => d.kind === "OperationDefinition");
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return operation?.operation;
}

/**
 * The cost check for one operation: a LIMIT_EXCEEDED error when over its limit (subscriptions have their own,
 * lower one: their selection runs again on every event), else null. Variables that do not coerce are left to
 * execution, which refuses them with its own error before anything runs.
 */
export function checkCost(
  limits: RequestLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Record<string, unknown> | null,
): GraphQLError | null {
  let cost: number;
  try {
    cost = operationCost(schema, document, operationName, variables);
  } catch (error) {
    // Fragments spread over and over expand past the estimator's node budget (10,000 by default): over the limit.
    if (error instanceof GraphQLError && error.message.includes("maximum allowed number of nodes")) return limitError("Query cost exceeds the limit");
    if (error instanceof GraphQLError) return null;
    throw error;
  }
  const subscription = operationKind(document, operationName) === "subscription";
  const max = subscription ? limits.maxSubscriptionCost : limits.maxCost;
  if (cost <= max) return null;
  return limitError(`${subscription ? "Subscription" : "Query"} cost ${cost} exceeds the limit of ${max}`);
}
