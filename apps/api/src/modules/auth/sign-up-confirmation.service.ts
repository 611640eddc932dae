/**
 * Sign-up that never tells whether an address is registered. `startSignUp` checks the input, hashes the password
 * and answers `true` either way, doing the same work (one transaction, one queued email): a confirmation link
 * for a new address, a "you have a login already — sign in or reset" note for a registered one. `confirmSignUp`
 * spends the link (once, within SIGN_UP_CONFIRMATION_TTL) in the transaction that creates the account, its first
 * location and the owner's first session. (`signUp`, which answers at once, is deprecated.)
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { col, decodeRows, signupRequests, z } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { badInput } from "../../errors/codes.js";
import { alreadyRegisteredMail, signUpConfirmationMail, signUpLink } from "../platform-mail/messages.js";
import { queuePlatformMail, wakePlatformMail } from "../platform-mail/outbox.js";
import { slugTaken } from "../tenants/tenants.service.js";
import { checkSignUp, createOwnerAccount, userIdByEmail, type SignedIn, type SignUpFields } from "./auth.service.js";
import { hashLinkToken, isLinkToken, newLinkToken } from "./tokens.js";
import { lookupDoor, newTenantDoor } from "../../context/doors.js";

const SignUpRequestRow = z.object({
  email: col.text,
  name: col.text,
  password_hash: col.text,
  account_name: col.text,
  tenant_name: col.text,
  tenant_slug: col.text,
});

/** How long a confirmation link works. */
export const signUpConfirmationTtlSeconds = 24 * 3600;

export async function startSignUp(ctx: RequestContext, input: SignUpFields): Promise<boolean> {
  const checked = await checkSignUp(input);
  if (ctx.rateLimits && !(await ctx.rateLimits.mailToAddressAllowed(`signup:${checked.email}`))) return true;
  const registered = await lookupDoor(ctx.db, (tx) => userIdByEmail(tx, checked.email));
  const { adminUrl } = ctx.config.platformMail;
  const token = newLinkToken();
  await lookupDoor(ctx.db, async (tx) => {
    if (registered) return queuePlatformMail(tx, alreadyRegisteredMail(checked.email, { adminUrl }));
    await tx.insert(signupRequests).values({
      id: randomUUID(),
      tokenHash: hashLinkToken(token),
      ...checked,
      expiresAt: sql`now() + make_interval(secs => ${signUpConfirmationTtlSeconds})`,
    });
    return queuePlatformMail(tx, signUpConfirmationMail(checked.email, { accountName: checked.accountName, tenantName: checked.tenantName, link: signUpLink(adminUrl, token), ttlSeconds: signUpConfirmationTtlSeconds }));
  });
  wakePlatformMail(ctx.db);
  return true;
}

const invalidLink = () => badInput("This confirmation link is not valid, was used or has expired: sign up again", [{ path: "token", message: "is not valid or has expired" }]);

/**
 * Creates the account a confirmation link names and signs its owner in. The link is spent in the same transaction:
 * if creating fails (the slug was taken meanwhile: CONFLICT), the link is not spent either.
 */
export async function confirmSignUp(ctx: RequestContext, token: string): Promise<SignedIn> {
  if (!isLinkToken(token)) throw invalidLink();
  const userId = randomUUID();
  const tenantId = randomUUID();
  let slug = "";
  return newTenantDoor(ctx.db, { tenantId, userId }, async (tx) => {
    const [request] = decodeRows(SignUpRequestRow, await tx.execute(sql`select * from app.claim_signup_request(${hashLinkToken(token)})`));
    if (!request) throw invalidLink();
    slug = request.tenant_slug;
    return createOwnerAccount(ctx, tx, { userId, tenantId }, {
      email: request.email,
      name: request.name,
      passwordHash: request.password_hash,
      accountName: request.account_name,
      tenantName: request.tenant_name,
      tenantSlug: request.tenant_slug,
    });
  }).catch((error: unknown) => {
    throw error instanceof Error && error.message.includes("tenants_slug_key") ? slugTaken(slug) : error;
  });
}
