/**
 * One log line and one metrics observation per GraphQL operation, on both transports: the Apollo plugin for
 * HTTP, and `observeGraphqlWs` wrapping graphql-ws's hooks for WebSocket operations (a subscription is logged
 * when it starts and when it ends; its duration is how long it was open).
 *
 * Logged fields: requestId, transport, operationName, operationType, tenantId, actor { kind, id }, durationMs,
 * errorCodes. Never headers, variables or results, so credentials and personal data stay out of the logs.
 */
import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { getOperationAST, GraphQLError, type ExecutionArgs, type GraphQLFormattedError } from "graphql";
import type { Context, ServerOptions } from "graphql-ws";
import type { Actor } from "../context/actor.js";
import type { RequestContext } from "../context/context.js";
import type { Logger } from "./logger.js";
import { requestIdFrom } from "./logger.js";
import type { ApiMetrics, Transport } from "./metrics.js";

export interface Observability {
  logger: Logger;
  metrics: ApiMetrics;
}

/** Who acted, as logged: a kind and an id, never a credential. */
export function actorFields(actor: Actor | undefined): { kind: string; id?: string } {
  switch (actor?.kind) {
    case "user":
      return { kind: "user", id: actor.userId };
    case "apiKey":
      return { kind: "apiKey", id: actor.keyId };
    default:
      return { kind: "anonymous" };
  }
}

/** The tenant an operation acts on: the API key's own, else a `tenantId` variable (top level or in `input`). */
export function tenantOf(actor: Actor | undefined, variables: Record<string, unknown> | null | undefined): string | undefined {
  if (actor?.kind === "apiKey") return actor.tenantId;
  const input = variables?.input;
  const candidate = variables?.tenantId ?? (input && typeof input === "object" ? (input as Record<string, unknown>).tenantId : undefined);
  return typeof candidate === "string" && candidate.length <= 64 ? candidate : undefined;
}

export const errorCodesOf = (errors: readonly (GraphQLFormattedError | GraphQLError)[] | undefined): string[] =>
  (errors ?? []).map((e) => {
    const code = e.extensions?.code;
    if (typeof code === "string") return code;
    return e.message.startsWith("Syntax Error") ? "GRAPHQL_PARSE_FAILED" : "GRAPHQL_VALIDATION_FAILED";
  });

interface Finished {
  requestId: string;
  transport: Transport;
  operationId?: string;
  operationName: string | null;
  operationType: string;
  tenantId: string | undefined;
  actor: Actor | undefined;
  durationMs: number;
  errorCodes: string[];
}

function record(observability: Observability, op: Finished): void {
  observability.metrics.observeOperation({ name: op.operationName, type: op.operationType, transport: op.transport, durationMs: op.durationMs, errorCodes: op.errorCodes });
  const fields = {
    requestId: op.requestId,
    transport: op.transport,
    ...(op.operationId !== undefined ? { operationId: op.operationId } : {}),
    operationName: op.operationName,
    operationType: op.operationType,
    tenantId: op.tenantId,
    actor: actorFields(op.actor),
    durationMs: Math.round(op.durationMs * 10) / 10,
    errorCodes: op.errorCodes,
  };
  if (op.errorCodes.includes("INTERNAL_SERVER_ERROR")) observability.logger.error(fields, "graphql operation failed");
  else observability.logger.info(fields, "graphql operation");
}

/** Apollo plugin: one record per HTTP GraphQL request (the request id was set by `requestIds` middleware). */
export function operationsPlugin(observability: Observability): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const start = performance.now();
      const requestId = requestIdFrom(request.http?.headers.get("x-request-id"));
      return {
        async willSendResponse({ contextValue, operation, operationName, response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : response.body.initialResult.errors;
          record(observability, {
            requestId,
            transport: "http",
            operationName: operationName ?? request.operationName ?? null,
            operationType: operation?.operation ?? "unknown",
            tenantId: tenantOf(contextValue.actor, request.variables),
            actor: contextValue.actor,
            durationMs: performance.now() - start,
            errorCodes: errorCodesOf(errors),
          });
        },
      };
    },
    // A bad credential fails the context, before any request hook: counted as an unnamed operation.
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError && typeof error.extensions.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
      observability.metrics.observeOperation({ name: null, type: "unknown", transport: "http", durationMs: 0, errorCodes: [code] });
      observability.logger.info({ transport: "http", errorCodes: [code] }, "graphql request refused before its operation (credentials)");
    },
  };
}

interface Started {
  start: number;
  operationName: string | null;
  operationType: string;
  tenantId: string | undefined;
  errorCodes: string[];
}

interface Connection {
  requestId: string;
  operations: Map<string, Started>;
}

/**
 * graphql-ws options with every operation observed: the given hooks still run (their results are what the
 * client gets), and errors are read from what they return.
 */
export function observeGraphqlWs<P extends Record<string, unknown> | undefined, E extends { actor?: Actor; readonly request: IncomingMessage }>(
  observability: Observability,
  options: ServerOptions<P, E>,
): ServerOptions<P, E> {
  const connections = new WeakMap<Context<P, E>, Connection>();
  const connectionOf = (ctx: Context<P, E>): Connection => {
    let connection = connections.get(ctx);
    if (!connection) {
      connection = { requestId: requestIdFrom(ctx.extra.request.headers["x-request-id"]), operations: new Map() };
      connections.set(ctx, connection);
    }
    return connection;
  };
  const finish = (ctx: Context<P, E>, id: string) => {
    const connection = connectionOf(ctx);
    const op = connection.operations.get(id);
    if (!op) return;
    connection.operations.delete(id);
    if (op.operationType === "subscription") observability.metrics.subscriptionClosed();
    record(observability, { ...op, requestId: connection.requestId, transport: "ws", operationId: id, actor: ctx.extra.actor, durationMs: performance.now() - op.start });
  };

  return {
    ...options,
    async onSubscribe(ctx, id, payload) {
      const start = performance.now();
      const result = await options.onSubscribe?.(ctx, id, payload);
      const connection = connectionOf(ctx);
      const base = { start, operationName: payload.operationName ?? null, tenantId: tenantOf(ctx.extra.actor, payload.variables), errorCodes: [] as string[] };
      if (Array.isArray(result)) {
        // Refused before execution (limits, parse, validation): one record now; graphql-ws completes nothing.
        connection.operations.set(id, { ...base, operationType: "unknown", errorCodes: errorCodesOf(result as readonly GraphQLError[]) });
        finish(ctx, id);
        return result;
      }
      const args = result as ExecutionArgs | undefined;
      const operation = args ? getOperationAST(args.document, args.operationName) : null;
      const operationName = args?.operationName ?? operation?.name?.value ?? base.operationName;
      connection.operations.set(id, { ...base, operationName, operationType: operation?.operation ?? "unknown" });
      if (operation?.operation === "subscription") {
        observability.metrics.subscriptionOpened();
        observability.logger.debug({ requestId: connection.requestId, transport: "ws", operationId: id, operationName, actor: actorFields(ctx.extra.actor) }, "subscription started");
      }
      return result;
    },
    async onNext(ctx, id, payload, args, result) {
      const formatted = await options.onNext?.(ctx, id, payload, args, result);
      const op = connectionOf(ctx).operations.get(id);
      op?.errorCodes.push(...errorCodesOf((formatted ?? result).errors));
      return formatted;
    },
    async onError(ctx, id, payload, errors) {
      const formatted = await options.onError?.(ctx, id, payload, errors);
      connectionOf(ctx).operations.get(id)?.errorCodes.push(...errorCodesOf(formatted ?? errors));
      return formatted;
    },
    async onComplete(ctx, id, payload) {
      await options.onComplete?.(ctx, id, payload);
      finish(ctx, id);
    },
    async onClose(ctx, code, reason) {
      await options.onClose?.(ctx, code, reason);
      // Operations whose completion graphql-ws did not report (the socket went first).
      for (const id of [...connectionOf(ctx).operations.keys()]) finish(ctx, id);
      connections.delete(ctx);
    },
  };
}
