/**
 * Password reset by email. `requestPasswordReset` answers `true` to every well-formed address and does the same
 * work either way (one transaction, one queued email: the reset link, or a "there is no login with this address"
 * note), so neither the answer nor its timing says whether the address has a login. Per address it is rate
 * limited like sign-up (LIMIT_EXCEEDED, whatever the email) and per email silently (past the budget nothing more
 * is sent, the answer is the same). The link works once, for PASSWORD_RESET_TTL_MINUTES (30 by default);
 * `resetPassword` checks the new password like changePassword and ends every session of the user.
 */
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { col, decodeRows, passwordResets, sessions, users, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { badInput } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { noAccountMail, passwordResetMail, resetLink } from "../platform-mail/messages.js";
import { queuePlatformMail, wakePlatformMail } from "../platform-mail/outbox.js";
import { normalizeEmail, userIdByEmail } from "./auth.service.js";
import { hashPassword, passwordProblem } from "./passwords.js";
import { hashLinkToken, isLinkToken, newLinkToken } from "./tokens.js";
import { lookupDoor, signInDoor } from "../../context/doors.js";

const ResetRow = z.object({ id: col.uuid, user_id: col.uuid });

export async function requestPasswordReset(ctx: RequestContext, emailInput: string): Promise<boolean> {
  const email = normalizeEmail(emailInput);
  if (ctx.rateLimits && !(await ctx.rateLimits.mailToAddressAllowed(email))) return true;
  const userId = await lookupDoor(ctx.db, (tx) => userIdByEmail(tx, email));
  const { adminUrl, passwordResetTtlSeconds } = ctx.config.platformMail;
  const token = newLinkToken();
  await signInDoor(ctx.db, userId, async (tx) => {
    if (!userId) return queuePlatformMail(tx, noAccountMail(email, { adminUrl }));
    await tx.insert(passwordResets).values({ id: randomUUID(), userId, tokenHash: hashLinkToken(token), expiresAt: sql`now() + make_interval(secs => ${passwordResetTtlSeconds})` });
    return queuePlatformMail(tx, passwordResetMail(email, { link: resetLink(adminUrl, token), ttlSeconds: passwordResetTtlSeconds }));
  });
  wakePlatformMail(ctx.db);
  return true;
}

const invalidLink = () => badInput("This reset link is not valid or has expired: ask for a new one", [{ path: "token", message: "is not valid or has expired" }]);

/**
 * Sets a new password with a reset link's token: one answer (BAD_USER_INPUT on `token`) for an unknown, used or
 * expired link. On success every open reset link of the user dies and every session ends (the person signs in
 * with the new password).
 */
export async function resetPassword(ctx: RequestContext, token: string, newPassword: string): Promise<boolean> {
  if (!isLinkToken(token)) throw invalidLink();
  const hash = hashLinkToken(token);
  const [located] = await lookupDoor(ctx.db, async (tx) =>
    decodeRows(ResetRow, await tx.execute(sql`select id, user_id from app.password_reset_by_token(${hash})`)),
  );
  if (!located) throw invalidLink();
  const userId = located.user_id;
  const live = and(eq(passwordResets.id, located.id), isNull(passwordResets.usedAt), sql`${passwordResets.expiresAt} > now()`);
  const user = await signInDoor(ctx.db, userId, async (tx) => {
    const [reset] = await tx.select({ id: passwordResets.id }).from(passwordResets).where(live);
    if (!reset) throw invalidLink();
    return (await tx.select().from(users).where(eq(users.id, userId)))[0];
  });
  if (!user) throw invalidLink();
  const problem = await passwordProblem(newPassword, [user.email, user.name]);
  if (problem) throw badInput(`Password ${problem}`, [{ path: "newPassword", message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  await signInDoor(ctx.db, userId, async (tx) => {
    // Spending the link first, under its row lock: of two concurrent uses, one sets the password.
    const spent = await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(live).returning({ id: passwordResets.id });
    if (spent.length === 0) throw invalidLink();
    await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  });
  await announceAccessChange(ctx.pubsub, [controlTopics.user(userId)], { kind: "sessionsRevoked", userId });
  return true;
}
