import type { Database, MemberRole } from "@qline/db";
import type { Config } from "../env.js";
import type { QlinePubSub } from "../pubsub/pubsub.js";
import type { RateLimits } from "../rate-limits/rate-limits.js";
import type { Actor } from "./actor.js";
import type { Permission } from "./permissions.js";

/** What the actor may do in one tenant, resolved from memberships on its ancestors or from the API key. */
export interface TenantAccess {
  tenantId: string;
  accountId: string;
  /** Ancestors' ids and the tenant's own, root first. */
  path: string[];
  /** The strongest role held on the tenant or an ancestor (users only). */
  role: MemberRole | null;
  permissions: ReadonlySet<Permission>;
}

/** Built once per HTTP request or WebSocket operation; resolvers reach services only through it. */
export interface RequestContext {
  config: Config;
  db: Database;
  pubsub: QlinePubSub;
  actor: Actor;
  /** The client's address (rate limits); absent outside a request (seeding, jobs). */
  clientIp?: string;
  /** This process's rate limits and fairness caps; absent outside a request. */
  rateLimits?: RateLimits;
  /** Access decisions already made in this request, by tenant id. */
  accessCache: Map<string, TenantAccess>;
}

export function createContext(base: Omit<RequestContext, "accessCache">): RequestContext {
  return { ...base, accessCache: new Map() };
}

/**
 * signUp, login and changePassword: the rest of this operation reads as the session just opened, so a payload's
 * `user { memberships { tenant { … } } }` resolves as that user (the request itself came in anonymous). The
 * token in the same payload grants exactly this, so nothing is granted that the caller does not now hold.
 */
export function continueAs(ctx: RequestContext, actor: Actor): void {
  ctx.actor = actor;
  ctx.accessCache.clear(); // decisions made for the previous actor
}
