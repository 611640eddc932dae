import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import { GraphQLError, type DocumentNode, type ExecutionResult, type FormattedExecutionResult } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { AppDatabase } from "@qline/db";
import type { Actor } from "./context/actor.js";
import { authenticate } from "./context/authenticate.js";
import { createContext, type RequestContext } from "./context/context.js";
import type { Config } from "./env.js";
import { AppError } from "./errors/codes.js";
import { formatError, toGraphQLError, type FormatErrorOptions } from "./errors/format-error.js";
import type { QlinePubSub } from "./pubsub/pubsub.js";
import { buildQlineSchema } from "./schema.js";
import { limits, qlineValidationRules } from "./limits.js";
import { cachedParse, cachedValidate } from "./subscriptions/documents.js";
import { actorVisibility, createSharedSubscriptions } from "./subscriptions/shared-execution.js";
import { startTtlJob, type TtlJob, type TtlJobOptions } from "./jobs/ttl.job.js";
import { setWebhookAllowHosts } from "./modules/estimates/estimates.webhook.js";
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

const authErrorStatus = (error: unknown) =>
  error instanceof AppError
    ? new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.code === "UNAUTHENTICATED" ? 401 : 403 } } })
    : error;

/** The address of a WebSocket's client, by the same proxy rule as Express's `req.ip`. */
const socketAddress = (request: IncomingMessage, config: Config) =>
  clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], config.trustProxy);

/** One linear list: schema, HTTP server, Apollo over Express, graphql-ws on the same port, listen. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, database, pubsub } = options;
  const errorOptions: FormatErrorOptions = { exposeInternals: !config.production, log: (m, e) => console.error(m, e) };
  const schema = await buildQlineSchema(pubsub);
  setWebhookAllowHosts(config.estimatorWebhookAllowHosts);

  const rateLimits = createRateLimits(config, options.onRateLimitRefusal);
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

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer<Record<string, unknown>, { actor?: Actor }>(
    {
      schema,
      // Every limit is decided here, before any resolver runs: subscriptions per connection, then graphql's rules
      // with our depth/alias limits (cached per document; graphql-ws skips its own parse/validate for these args).
      onSubscribe: async (ctx, _id, payload) => {
        // graphql-ws has already registered the subscription being added when onSubscribe runs.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [new GraphQLError(`At most ${limits.maxSubscriptionsPerConnection} subscriptions per connection`, { extensions: { code: "LIMIT_EXCEEDED" } })];
        }
        let document: DocumentNode;
        try {
          document = cachedParse(payload.query);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        const errors = cachedValidate(schema, document);
        if (errors.length > 0) return errors;
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
        try {
          ctx.extra.actor = await authenticate(typeof authorization === "string" ? authorization : undefined, database.db, config);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden: a bad credential never downgrades to anonymous
        }
      },
      context: (ctx, id) => {
        const context = contextFor(ctx.extra.actor ?? { kind: "anonymous" }, socketAddress(ctx.extra.request, config));
        shared.deliverTo(context, { id, socket: ctx.extra.socket, tcp: ctx.extra.request.socket });
        return context;
      },
      subscribe: shared.subscribe,
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => toGraphQLError(e, errorOptions)),
      // Queries and mutations over the socket (subscriptions write their frames in shared-execution.ts).
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result),
    },
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, errorOptions),
    validationRules: qlineValidationRules,
    introspection: true,
    plugins: [
      rateLimitPlugin(rateLimits),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { serverWillStart: async () => ({ drainServer: async () => wsCleanup.dispose() }) },
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, driver: database.driver, pubsub: pubsub.kind });
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
    express.json({ limit: "2mb" }),
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

  const port = options.port ?? config.port;
  await new Promise<void>((resolve) => httpServer.listen(port, config.host, resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  const ttlJob = options.ttlJob === false ? null : startTtlJob({ db: database.db, pubsub, pollMs: config.ttlPollMs, ...options.ttlJob });
  const hostForUrl = config.host === "0.0.0.0" ? "localhost" : config.host;
  return {
    url: `http://${hostForUrl}:${actualPort}/graphql`,
    wsUrl: `ws://${hostForUrl}:${actualPort}/graphql`,
    port: actualPort,
    httpServer,
    ttlJob,
    rateLimits,
    subscriptionExecutions: () => shared.executions,
    async close() {
      await ttlJob?.stop();
      await apollo.stop();
      await rateLimits.close();
    },
  };
}
