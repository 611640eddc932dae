import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import express from "express";
import { GraphQLError, execute, type DocumentNode, type ExecutionResult, type FormattedExecutionResult } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { isDatabaseBusy, runWithDeadline, type AppDatabase } from "@qline/db";
import type { Actor } from "./context/actor.js";
import { authenticate } from "./context/authenticate.js";
import { createContext, type RequestContext } from "./context/context.js";
import type { Config } from "./env.js";
import { AppError, ErrorCode } from "./errors/codes.js";
import { formatError, toGraphQLError, type FormatErrorOptions } from "./errors/format-error.js";
import type { QlinePubSub } from "./pubsub/pubsub.js";
import { buildQlineSchema } from "./schema.js";
import { checkCost, isTokenLimitError, limitError, shapeRules } from "./limits.js";
import { cachedParse, cachedValidate } from "./subscriptions/documents.js";
import { limitedWebSocketServer } from "./subscriptions/connection-limits.js";
import { followConnection } from "./subscriptions/live-access.js";
import { actorVisibility, createSharedSubscriptions } from "./subscriptions/shared-execution.js";
import { startTtlJob, type TtlJob, type TtlJobOptions } from "./jobs/ttl.job.js";
import { startPlatformMail, type PlatformMailRuntime, type PlatformMailWorkerOptions } from "./modules/platform-mail/worker.js";
import { startNotificationRuntime, type NotificationRuntime, type RuntimeOptions } from "./modules/notifications/runtime.js";
import { startDataLifecycleJob, type DataLifecycleJob, type DataLifecycleJobOptions } from "./jobs/data-lifecycle.job.js";
import { mountTenantExport } from "./modules/data-lifecycle/export-route.js";
import { mountTicketExport } from "./modules/analytics/ticket-export.js";
import { setWebhookAllowHosts } from "./modules/estimates/estimates.webhook.js";
import { lineStateCache, lineStatesOf } from "./modules/tickets/live/line-state.js";
import { eventOrder } from "./modules/tickets/live/sequence.js";
import { checkHttpInput, documentInputErrors, inputErrorHandler, inputHygienePlugin, subscribeInputErrors, verifyJsonNesting } from "./input/request-input.js";
import { readiness } from "./health.js";
import { closeWebSockets, listen } from "./lifecycle.js";
import { mountOperability } from "./observability/http.js";
import { instrumentPubSub } from "./observability/instrument-pubsub.js";
import { logger as processLogger, type Logger } from "./observability/logger.js";
import { countRateLimitRefusal, createMetrics, type ApiMetrics } from "./observability/metrics.js";
import { observeGraphqlWs, operationsPlugin } from "./observability/operations.js";
import { createRateLimits, rateLimitPlugin } from "./rate-limits/plugin.js";
import { callerOf, clientAddress, type RateLimits } from "./rate-limits/rate-limits.js";

export interface ServerOptions {
  config: Config;
  database: AppDatabase;
  pubsub: QlinePubSub;
  /** Overrides config.port; 0 picks a free port (tests). */
  port?: number;
  /** The TTL job's clock and cadence (tests), or false to not run it in this process. */
  ttlJob?: Partial<Pick<TtlJobOptions, "now" | "pollMs" | "leaseSeconds" | "autoStart">> | false;
  /** The notification worker's senders, clock and cadence (tests), or `worker: false` to not deliver in this process. */
  notifications?: RuntimeOptions;
  /** The platform mail worker's clock and cadence (tests), or false to not deliver platform mail in this process. */
  platformMail?: PlatformMailWorkerOptions | false;
  /** The data-lifecycle job's clock and cadence (tests), or false to not run it in this process. */
  dataLifecycleJob?: Partial<Pick<DataLifecycleJobOptions, "now" | "pollMs" | "autoStart" | "batchSize">> | false;
  /** This server's logger (tests capture lines); default: the process logger at config.logLevel. */
  logger?: Logger;
  /** Called with the limiter's name on every rate-limit or fairness refusal (metrics). */
  onRateLimitRefusal?: (limiter: string) => void;
}

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  httpServer: Server;
  /** The TTL job of this process (null when disabled). */
  ttlJob: TtlJob | null;
  /** Senders, worker and (QLINE_DEV_SINKS) the dev mailbox of this process. */
  notifications: NotificationRuntime;
  /** The data-lifecycle job of this process (null when disabled). */
  dataLifecycleJob: DataLifecycleJob | null;
  /** The platform mail worker (invitations, password resets) of this process. */
  platformMail: PlatformMailRuntime;
  /** This server's Prometheus registry and recorders (served at /metrics). */
  metrics: ApiMetrics;
  /** This process's rate limits (tests, diagnostics). */
  rateLimits: RateLimits;
  /** Subscription executions so far: one per event per group of equal subscribers (tests, diagnostics). */
  subscriptionExecutions(): number;
  close(): Promise<void>;
}

/** CORS: any origin in development (no list configured), otherwise exact origins and `*.domain` wildcards. */
export function corsAllows(origin: string, config: Config): boolean {
  if (config.corsOrigins.length === 0) return !config.production;
  return config.corsOrigins.some((allowed) => {
    if (!allowed.includes("*.")) return allowed === origin;
    const [scheme, host] = allowed.split("*.");
    return origin.startsWith(scheme ?? "") && origin.endsWith(`.${host}`) && /^[a-z0-9-]+$/.test(origin.slice((scheme ?? "").length, -(host!.length + 1)));
  });
}

/** Authentication failed before the operation: its HTTP status (a saturated database reads the session too). */
const authErrorStatus = (error: unknown) => {
  if (error instanceof AppError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.code === "UNAUTHENTICATED" ? 401 : 403 } } });
  }
  if (isDatabaseBusy(error)) {
    const headers = new HeaderMap([["retry-after", "1"]]);
    return new GraphQLError("The service is busy, retry shortly", { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: 1, http: { status: 503, headers } } });
  }
  return error;
};

/** The address of a WebSocket's client, by the same proxy rule as Express's `req.ip`. */
const socketAddress = (request: IncomingMessage, config: Config) =>
  clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], config.trustProxy);

/** One linear list: schema, HTTP server, Apollo over Express, graphql-ws on the same port, listen. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, database } = options;
  if (!options.logger) processLogger.level = config.logLevel;
  const logger = options.logger ?? processLogger;
  const metrics = createMetrics({ poolStats: () => database.poolStats() });
  const observability = { logger, metrics };
  const pubsub = instrumentPubSub(options.pubsub, metrics);
  const errorOptions: FormatErrorOptions = { exposeInternals: !config.production, log: (message, error) => logger.error({ err: error }, message) };
  const schema = await buildQlineSchema(pubsub);
  setWebhookAllowHosts(config.estimatorWebhookAllowHosts);
  eventOrder.gapWaitMs = config.liveGapWaitMs;
  lineStateCache.maxAgeMs = config.lineStateMaxAgeMs;

  // Every refusal is counted for /metrics (observability/metrics.ts), and reported to the caller of startServer.
  const rateLimits = createRateLimits(config, (limiter) => {
    countRateLimitRefusal(limiter);
    options.onRateLimitRefusal?.(limiter);
  });
  await rateLimits.ready();

  const app = express();
  if (config.trustProxy > 0) app.set("trust proxy", config.trustProxy);
  const httpServer = createServer(app);
  const contextFor = (actor: Actor, clientIp: string): RequestContext => createContext({ config, db: database.db, pubsub, actor, clientIp, rateLimits });

  // What a `next` payload looks like on the wire: errors through the one formatter (production hides internals).
  const formatResult = (result: ExecutionResult): ExecutionResult | FormattedExecutionResult =>
    result.errors?.length ? { ...result, errors: result.errors.map((e) => toGraphQLError(e, errorOptions).toJSON()) } : result;
  // One parse/validate per query text, one execution and serialization per event per (document, variables, actor).
  const shared = createSharedSubscriptions({ visibilityOf: actorVisibility, formatResult });

  const { limits } = config;
  const validationRules = shapeRules(limits);
  // Messages at most the HTTP body limit; sockets counted per IP (at the upgrade) and per actor (in onConnect).
  const { wsServer, admitActor } = limitedWebSocketServer(httpServer, "/graphql", limits);
  const wsCleanup = useServer<Record<string, unknown>, { actor?: Actor; unfollow?: () => void }>(
    observeGraphqlWs(observability, {
      schema,
      // Every limit is decided here, before any resolver runs: subscriptions per connection, tokens, graphql's rules
      // with our shape rules (cached per document; graphql-ws skips its own parse/validate for these args), cost.
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already registered the subscription being added when onSubscribe runs.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [limitError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection`)];
        }
        const inputErrors = subscribeInputErrors(payload);
        if (inputErrors) return inputErrors;
        let document: DocumentNode;
        try {
          document = cachedParse(payload.query, limits.maxTokens);
        } catch (error) {
          if (isTokenLimitError(error)) return [limitError(`More than ${limits.maxTokens} tokens in one document`)];
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const literalErrors = documentInputErrors(document);
        if (literalErrors) return literalErrors;
        const errors = cachedValidate(schema, document, validationRules);
        if (errors.length > 0) return errors;
        const overCost = checkCost(limits, schema, document, payload.operationName, payload.variables);
        if (overCost) return [overCost];
        // The same budgets as over HTTP (rateLimitPlugin), per operation started on the socket.
        try {
          await rateLimits.checkOperation(callerOf(ctx.extra.actor ?? { kind: "anonymous" }, socketAddress(ctx.extra.request, config)), document, payload.operationName);
        } catch (error) {
          return [toGraphQLError(error, errorOptions)];
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        let actor: Actor;
        try {
          actor = await authenticate(typeof authorization === "string" ? authorization : undefined, database.db, config);
        } catch {
          return false; // closes with 4403 Forbidden: a bad credential never downgrades to anonymous
        }
        ctx.extra.actor = actor;
        const { socket } = ctx.extra;
        // Over the actor's socket quota: closed with 1013 (the close already sent wins over graphql-ws's 4403).
        if (!admitActor(socket, actor)) return false;
        // Revoked session or key: the connection closes with 4401 at once (subscriptions/live-access.ts).
        const unfollow = await followConnection(pubsub, actor, (code, reason) => socket.close(code, reason));
        if (socket.readyState === socket.OPEN) ctx.extra.unfollow = unfollow;
        else unfollow();
        return true;
      },
      context: (ctx, id) => {
        const context = contextFor(ctx.extra.actor ?? { kind: "anonymous" }, socketAddress(ctx.extra.request, config));
        shared.deliverTo(context, { id, socket: ctx.extra.socket, tcp: ctx.extra.request.socket });
        return context;
      },
      onClose: (ctx) => ctx.extra.unfollow?.(),
      subscribe: shared.subscribe,
      // Queries and mutations over the socket get the same time budget as over HTTP.
      execute: (args) => runWithDeadline(Date.now() + limits.executionMs, () => execute(args)),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e, errorOptions)),
      // Queries and mutations over the socket (subscriptions write their frames in shared-execution.ts).
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
    }),
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, errorOptions),
    // Tokens are counted while parsing: a 2 MB `{ __typename … }` is refused at the limit, not parsed whole.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules,
    introspection: true,
    includeStacktraceInErrorResponses: false, // stacks and driver messages stay in the server log, in every mode
    // Signals are handled once, in main.ts (Apollo's own handler beside ours kept the process alive).
    stopOnTerminationSignals: false,
    plugins: [
      // Cost needs the variables (`first: $n`), so it is checked once the operation is known, not in validation.
      {
        requestDidStart: async () => ({
          didResolveOperation: async ({ document, request, schema: requestSchema }) => {
            const overCost = checkCost(limits, requestSchema, document, request.operationName, request.variables);
            if (overCost) throw new GraphQLError(overCost.message, { extensions: { ...overCost.extensions, http: { status: 400 } } });
          },
        }),
      },
      inputHygienePlugin,
      rateLimitPlugin(rateLimits),
      // In-flight HTTP requests get half the shutdown budget, then their connections are closed.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: Math.floor(config.shutdownTimeoutMs / 2) }),
      { serverWillStart: async () => ({ drainServer: () => closeWebSockets(wsServer, wsCleanup) }) },
      ApolloServerPluginLandingPageDisabled(), // GraphiQL is served offline at /graphiql/ (observability/graphiql.ts)
      // No cache hints are used, so Apollo's cache-control plugin only ever answered `no-store`, at the price of a
      // hook around every resolved field (a board query resolves thousands); the header is set here instead.
      ApolloServerPluginCacheControlDisabled(),
      {
        requestDidStart: async () => ({
          willSendResponse: async ({ response }) => {
            if (!response.http.headers.has("cache-control")) response.http.headers.set("cache-control", "no-store");
          },
        }),
      },
      operationsPlugin(observability),
    ],
  });
  await apollo.start();

  let draining = false;
  mountOperability(app, { metrics, metricsToken: config.metricsToken, production: config.production });
  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, driver: database.driver, pubsub: pubsub.kind });
  });
  app.get("/readyz", async (_req, res) => {
    const ready = await readiness({ database, pubsub, timeoutMs: config.readyCheckTimeoutMs, draining });
    const detail = (state: string) => (state === "ok" || !config.production ? state : "down"); // no hosts or ports in production
    res.status(ready.ok ? 200 : 503).json({ ...ready, database: detail(ready.database), pubsub: detail(ready.pubsub) });
  });
  mountTenantExport(app, { config, db: database.db, logger });
  // The ticket export (docs/analytics.md): authenticated like /graphql, under the same time budget per page.
  mountTicketExport(app, {
    contextOf: async (req) => contextFor(await authenticate(req.headers.authorization, database.db, config), req.ip ?? req.socket.remoteAddress ?? "unknown"),
    logger,
    corsAllows: (origin) => corsAllows(origin, config),
  });
  app.use(
    "/graphql",
    (req, res, next) => {
      const origin = req.headers.origin;
      if (origin && corsAllows(origin, config)) {
        res.setHeader("Access-Control-Allow-Origin", origin);
        res.setHeader("Vary", "Origin");
        res.setHeader("Access-Control-Allow-Headers", "authorization, content-type, apollo-require-preflight");
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      }
      if (req.method === "OPTIONS") {
        res.sendStatus(204);
        return;
      }
      next();
    },
    express.json({ limit: limits.requestBytes, verify: verifyJsonNesting }),
    checkHttpInput,
    // The time budget: every tenant transaction this request opens runs under `statement_timeout` = time left.
    (_req, _res, next) => runWithDeadline(Date.now() + limits.executionMs, next),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          return contextFor(await authenticate(req.headers.authorization, database.db, config), req.ip ?? req.socket.remoteAddress ?? "unknown");
        } catch (error) {
          throw authErrorStatus(error);
        }
      },
    }),
  );
  app.use("/graphql", inputErrorHandler);

  const port = options.port ?? config.port;
  await listen(httpServer, port, config.host);
  const actualPort = (httpServer.address() as AddressInfo).port;
  const ttlJob = options.ttlJob === false ? null : startTtlJob({ db: database.db, pubsub, pollMs: config.ttlPollMs, onPoll: (outcome) => metrics.observeTtlPoll(outcome), ...options.ttlJob });
  const notifications = await startNotificationRuntime(database.db, config, options.notifications, (channel, status) => metrics.observeNotification(channel, status));
  const platformMail = startPlatformMail(database.db, config, notifications.devSinks, options.platformMail);
  const dataLifecycleJob =
    options.dataLifecycleJob === false ? null : startDataLifecycleJob({ db: database.db, pollMs: config.dataLifecyclePollMs, logger, ...options.dataLifecycleJob });
  const hostForUrl = config.host === "0.0.0.0" ? "localhost" : config.host;
  return {
    url: `http://${hostForUrl}:${actualPort}/graphql`,
    wsUrl: `ws://${hostForUrl}:${actualPort}/graphql`,
    port: actualPort,
    httpServer,
    ttlJob,
    notifications,
    dataLifecycleJob,
    platformMail,
    metrics,
    rateLimits,
    subscriptionExecutions: () => shared.executions,
    /** Stops the TTL job, then drains HTTP and closes every WebSocket with 1001 (see lifecycle.ts). */
    async close() {
      draining = true;
      await ttlJob?.stop();
      await platformMail.close();
      await notifications.close();
      await dataLifecycleJob?.stop();
      await apollo.stop();
      await lineStatesOf(database.db).idle(); // events of mutations that answered go out before pub/sub closes
      await rateLimits.close();
    },
  };
}
