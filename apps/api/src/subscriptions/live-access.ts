/**
 * Access changes reach live streams at once. Services publish on the control topics (pubsub/control-topics.ts)
 * after their transaction commits: a tenant suspended, a member removed or re-roled, an API key revoked,
 * sessions revoked. Every live subscription follows the topics that concern it (its tenant, its user or key)
 * and, on a control event, ends (suspension, revocation) or decides its access again from the database
 * (membership changes) and ends with that decision's error. A WebSocket connection follows its actor's topic
 * and closes with 4401 when its session or key is revoked.
 *
 * Order matters: a stream starts following *before* its first access check, so a change committed after the
 * check is always heard (publishing happens after commit), and one committed before it fails the check.
 */
import type { Actor } from "../context/actor.js";
import type { RequestContext } from "../context/context.js";
import { forbidden, unauthenticated } from "../errors/codes.js";
import { controlTopics, type ApiKeyAccessChanged, type TenantAccessChanged, type UserAccessChanged } from "../pubsub/control-topics.js";
import type { LiveStream } from "../pubsub/live-stream.js";
import type { QlinePubSub } from "../pubsub/pubsub.js";

/** Close code for a connection whose credentials were revoked (graphql-ws's own Unauthorized). */
export const REVOKED_CLOSE_CODE = 4401;

export interface FollowAccessOptions {
  /** The tenant the stream reads; its suspension (or an ancestor's: published to the whole subtree) ends it. */
  tenantId: string;
  /**
   * Decides access again (a fresh decision, not the request's cache); throwing ends the stream with that
   * error. Omitted for public streams (a tracking code): only suspension ends those.
   */
  recheck?: () => Promise<void>;
}

/** Whether a `sessionsRevoked` event voids this actor's session (no session ids given: all of the user's). */
export function sessionRevokedFor(event: UserAccessChanged, actor: Actor): boolean {
  if (event.kind !== "sessionsRevoked" || actor.kind !== "user" || event.userId !== actor.userId) return false;
  if (event.sessionId !== undefined) return actor.sessionId === event.sessionId;
  if (event.exceptSessionId !== undefined) return actor.sessionId !== event.exceptSessionId;
  return true;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Makes `stream` follow the access of `ctx.actor` to `tenantId` until it ends. Resolves once listening (on
 * Redis: once every SUBSCRIBE is acknowledged); call it before the first access check.
 */
export async function followAccess(ctx: RequestContext, stream: Pick<LiveStream<unknown>, "end" | "onReturn" | "ended">, options: FollowAccessOptions): Promise<void> {
  const { actor } = ctx;
  let rechecking: Promise<void> | null = null;
  let again = false;
  const recheck = () => {
    if (!options.recheck || stream.ended) return;
    if (rechecking) {
      again = true; // one more decision after the running one: it may have read before the latest change
      return;
    }
    rechecking = options.recheck().then(
      () => undefined,
      (error: unknown) => stream.end(error),
    );
    void rechecking.finally(() => {
      rechecking = null;
      if (again) {
        again = false;
        recheck();
      }
    });
  };

  const stops = await Promise.all([
    ctx.pubsub.listen(controlTopics.tenant(options.tenantId), (payload) => {
      if (isObject(payload) && (payload as Partial<TenantAccessChanged>).kind === "tenantSuspended") stream.end(forbidden("This tenant is suspended"));
    }),
    actor.kind === "user"
      ? ctx.pubsub.listen(controlTopics.user(actor.userId), (payload) => {
          if (!isObject(payload)) return;
          const event = payload as unknown as UserAccessChanged; // published only by this server on its control topic (control-topics.ts)
          if (event.kind === "membershipChanged") recheck();
          else if (sessionRevokedFor(event, actor)) stream.end(unauthenticated("This session was signed out"));
        })
      : null,
    actor.kind === "apiKey"
      ? ctx.pubsub.listen(controlTopics.apiKey(actor.keyId), (payload) => {
          if (isObject(payload) && (payload as Partial<ApiKeyAccessChanged>).kind === "apiKeyRevoked") stream.end(unauthenticated("API key revoked"));
        })
      : null,
  ]);
  for (const stop of stops) if (stop) stream.onReturn(stop);
}

/**
 * Follows a WebSocket connection's actor: when its session (user) or key is revoked, `close` runs once.
 * Resolves to the function that stops following (call it when the socket closes).
 */
export async function followConnection(pubsub: QlinePubSub, actor: Actor, close: (code: number, reason: string) => void): Promise<() => void> {
  let closed = false;
  const closeOnce = (reason: string) => {
    if (closed) return;
    closed = true;
    close(REVOKED_CLOSE_CODE, reason);
  };
  if (actor.kind === "user") {
    return pubsub.listen(controlTopics.user(actor.userId), (payload) => {
      // Published only by this server on its control topic (control-topics.ts).
      if (isObject(payload) && sessionRevokedFor(payload as unknown as UserAccessChanged, actor)) closeOnce("Session revoked");
    });
  }
  if (actor.kind === "apiKey") {
    return pubsub.listen(controlTopics.apiKey(actor.keyId), (payload) => {
      if (isObject(payload) && (payload as Partial<ApiKeyAccessChanged>).kind === "apiKeyRevoked") closeOnce("API key revoked");
    });
  }
  return () => undefined;
}

/**
 * Publishes a control event after the change committed. The change stands whatever happens here: publish never
 * rejects, a lost event is reported by the pub/sub, and live streams still re-check on their periodic safety net.
 */
export async function announceAccessChange(pubsub: QlinePubSub, topics: readonly string[], payload: TenantAccessChanged | UserAccessChanged | ApiKeyAccessChanged): Promise<void> {
  await Promise.all(topics.map((topic) => pubsub.publish(topic, payload)));
}
