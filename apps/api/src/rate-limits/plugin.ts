import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { RequestContext } from "../context/context.js";
import type { Config } from "../env.js";
import { ErrorCode } from "../errors/codes.js";
import { memoryLimiterStore, redisLimiterStore } from "./limiter-store.js";
import { callerOf, RateLimits, type RefusalListener } from "./rate-limits.js";

/** The limits of one API process: counters in Redis when REDIS_URL is set (shared by all processes), else in memory. */
export function createRateLimits(config: Config, onRefusal?: RefusalListener): RateLimits {
  const { rateLimits } = config;
  const store =
    config.redisUrl && rateLimits.enabled
      ? redisLimiterStore(config.redisUrl, rateLimits.keyPrefix, rateLimits.redisTimeoutMs)
      : memoryLimiterStore(rateLimits.keyPrefix);
  return new RateLimits(rateLimits, store, onRefusal, config.dbConnectionWaitMs);
}

/**
 * HTTP side: each operation enters the caller's in-flight count (waiting its turn beyond the cap) and spends its budgets once its operation is
 * known (before any resolver runs); a refused operation is answered 429 (503 when the database is saturated)
 * with `Retry-After`. A refusal inside an operation that still answered some field keeps 200.
 */
export function rateLimitPlugin(limits: RateLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ contextValue, document, operationName }) {
          const caller = callerOf(contextValue.actor, contextValue.clientIp ?? "unknown");
          release = await limits.enterFlight(caller);
          await limits.checkOperation(caller, document, operationName);
        },
        async willSendResponse(requestContext) {
          release?.();
          retryLaterStatus(requestContext);
        },
      };
    },
  };
}

const retryStatus: Partial<Record<string, number>> = { [ErrorCode.LIMIT_EXCEEDED]: 429, [ErrorCode.SERVICE_UNAVAILABLE]: 503 };

function retryLaterStatus({ response }: GraphQLRequestContextWillSendResponse<RequestContext>): void {
  if (response.body.kind !== "single") return;
  const { data, errors } = response.body.singleResult;
  // Only when nothing was answered: no data, or every root field null (a nullable field that was refused).
  if (!errors?.length || (data && Object.values(data).some((value) => value !== null))) return;
  let status: number | undefined;
  let retryAfter = 0;
  for (const error of errors) {
    const code = error.extensions?.code;
    const seconds = error.extensions?.retryAfterSeconds;
    if (typeof code !== "string" || !retryStatus[code] || typeof seconds !== "number") continue;
    status = Math.max(status ?? 0, retryStatus[code]);
    retryAfter = Math.max(retryAfter, seconds);
  }
  if (!status) return;
  response.http.status = status;
  response.http.headers.set("retry-after", String(retryAfter));
}
