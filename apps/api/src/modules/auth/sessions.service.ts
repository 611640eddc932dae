import { randomUUID } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { sessions, users, type Tx } from "@qline/db";
import type { Actor } from "../../context/actor.js";
import type { RequestContext } from "../../context/context.js";
import { userDoor } from "../../context/doors.js";
import type { Config } from "../../env.js";
import { badInput, conflict, unauthenticated } from "../../errors/codes.js";
import { controlTopics, type UserAccessChanged } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import type { UserRow } from "./auth.service.js";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { signUserToken } from "./tokens.js";

type UserActor = Extract<Actor, { kind: "user" }>;

/** A session just opened: its token (to hand to the client) and the actor it authenticates. */
export interface OpenedSession {
  token: string;
  sessionId: string;
  actor: UserActor;
}

/**
 * Opens a session for `user` in `tx` (which must have the user in scope) and signs its token; the token's
 * `exp` is the session's `expires_at`. The token is returned only once `tx` commits.
 */
export async function openSession(tx: Tx, config: Config, user: Pick<UserRow, "id" | "email">): Promise<OpenedSession> {
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + config.jwtTtlSeconds * 1000);
  await tx.insert(sessions).values({ id: sessionId, userId: user.id, expiresAt });
  return {
    token: await signUserToken({ userId: user.id, sessionId }, config.jwtSecret, expiresAt),
    sessionId,
    actor: { kind: "user", userId: user.id, sessionId, platformAdmin: config.platformAdminEmails.includes(user.email) },
  };
}

/** The caller's own session (a Bearer token); API keys, anonymous callers and in-server actors have none. */
function currentSession(ctx: RequestContext): { userId: string; sessionId: string } {
  if (ctx.actor.kind !== "user" || !ctx.actor.sessionId) throw unauthenticated("Sign in as a user");
  return { userId: ctx.actor.userId, sessionId: ctx.actor.sessionId };
}

/**
 * Tells every API process that sessions ended, so live subscriptions opened with them are closed (the same
 * after-commit control event as every other access change; the revocation is durable whatever happens to it).
 */
const announceRevocation = (ctx: RequestContext, event: UserAccessChanged & { kind: "sessionsRevoked" }) =>
  announceAccessChange(ctx.pubsub, [controlTopics.user(event.userId)], event);

/** Ends the caller's session: its token is refused from the next request on. */
export async function logout(ctx: RequestContext): Promise<boolean> {
  const { userId, sessionId } = currentSession(ctx);
  await userDoor(ctx, (tx) =>
    tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
  );
  await announceRevocation(ctx, { kind: "sessionsRevoked", userId, sessionId });
  return true;
}

/** Ends every session of the caller, this one included (a lost laptop, a shared computer). */
export async function logoutEverywhere(ctx: RequestContext): Promise<boolean> {
  const { userId } = currentSession(ctx);
  await userDoor(ctx, (tx) =>
    tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
  );
  await announceRevocation(ctx, { kind: "sessionsRevoked", userId });
  return true;
}

/**
 * Changes the caller's password after checking the current one. Every session of the user ends, this one
 * included, and a new one is opened: the returned token is the only one that still works, so whoever held
 * an old token (or the old password) is out at once.
 */
export async function changePassword(
  ctx: RequestContext,
  currentPassword: string,
  newPassword: string,
): Promise<OpenedSession & { user: UserRow }> {
  const { userId } = currentSession(ctx);
  const user = await userDoor(ctx, async (tx) => (await tx.select().from(users).where(eq(users.id, userId)))[0]);
  if (!user) throw unauthenticated("Sign in as a user");
  // A stolen token must not become a password oracle: wrong current passwords back off like failed logins.
  const ip = ctx.clientIp ?? "unknown";
  await ctx.rateLimits?.login.before(user.email, ip);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await ctx.rateLimits?.login.failed(user.email, ip);
    throw badInput("The current password is not right", [{ path: "currentPassword", message: "is not your current password" }]);
  }
  await ctx.rateLimits?.login.succeeded(user.email, ip);
  if (newPassword === currentPassword) {
    throw badInput("The new password must differ from the current one", [{ path: "newPassword", message: "is the same as the current password" }]);
  }
  const problem = await passwordProblem(newPassword, [user.email, user.name]);
  if (problem) throw badInput(`Password ${problem}`, [{ path: "newPassword", message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  const { opened, updated } = await userDoor(ctx, async (tx) => {
    // Compare-and-set on the old hash: of two concurrent changes from the same password, one wins.
    const changed = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
      .returning();
    if (changed.length === 0) throw conflict("The password was changed meanwhile: sign in again");
    const opened = await openSession(tx, ctx.config, user);
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, opened.sessionId)));
    return { opened, updated: changed[0]! };
  });
  await announceRevocation(ctx, { kind: "sessionsRevoked", userId, exceptSessionId: opened.sessionId });
  return { ...opened, user: updated };
}
