/**
 * Invitations: how a person becomes a member. An admin with `members:manage` invites an email address with a role;
 * the address gets a one-time link (7 days by default); the invitee opens it, signs in or creates a login with that
 * address, and accepts. Consent: nobody becomes a member without accepting. No enumeration: the inviter learns
 * nothing about the address (whether it has a login, whose it is) until the invitee accepts and appears as a member.
 * The mail is queued in the invitation's transaction (platform_mail) and sent by the worker after the commit.
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { col, decodeRows, invitations, memberships, tenants, users, z, type MemberRole, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { badInput, conflict, forbidden, notFound, unauthenticated } from "../../errors/codes.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";
import { normalizeEmail, type SignedIn } from "../auth/auth.service.js";
import { hashPassword, passwordProblem } from "../auth/passwords.js";
import { openSession } from "../auth/sessions.service.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { hashLinkToken, isLinkToken, newLinkToken } from "../auth/tokens.js";
import { invitationLink, invitationMail } from "../platform-mail/messages.js";
import { queuePlatformMail, wakePlatformMail } from "../platform-mail/outbox.js";
import { assertCanManage } from "./members.service.js";
import { InvitationStatus } from "./invitations.types.js";
import { invitationDoor, lookupDoor, staffDoor } from "../../context/doors.js";
import { isUuid } from "../../context/access.js";

const LocatedInvitation = z.object({ tenant_id: col.uuid, id: col.uuid });

type InvitationRow = typeof invitations.$inferSelect;

export interface InvitationView {
  id: string;
  tenantId: string;
  email: string;
  role: MemberRole;
  status: InvitationStatus;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
}

export function statusOf(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = Date.now()): InvitationStatus {
  if (row.acceptedAt) return InvitationStatus.ACCEPTED;
  if (row.revokedAt) return InvitationStatus.REVOKED;
  if (row.expiresAt.getTime() <= now) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}

const view = (row: InvitationRow): InvitationView => ({
  id: row.id,
  tenantId: row.tenantId,
  email: row.email,
  role: row.role,
  status: statusOf(row),
  createdAt: row.createdAt,
  sentAt: row.sentAt,
  expiresAt: row.expiresAt,
});

const open = (tenantId: string) => and(eq(invitations.tenantId, tenantId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** A new link for `row` (or a new row) and its email, in the caller's transaction. */
async function sendLink(ctx: RequestContext, tx: Tx, tenantId: string, invitation: { email: string; role: MemberRole }, token: string): Promise<void> {
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  let inviterName = "A qline user";
  if (ctx.actor.kind === "user") {
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
    if (me) inviterName = me.name;
  }
  const { adminUrl, invitationTtlSeconds } = ctx.config.platformMail;
  await queuePlatformMail(
    tx,
    invitationMail(invitation.email, { tenantName: tenant?.name ?? "a qline tenant", inviterName, role: invitation.role, link: invitationLink(adminUrl, token), ttlSeconds: invitationTtlSeconds }),
  );
}

const expiry = (ctx: RequestContext) => sql`now() + make_interval(secs => ${ctx.config.platformMail.invitationTtlSeconds})`;

/**
 * Invites `email` to hold `role` on the tenant. Inviting an address with an open invitation replaces it (the old
 * link stops working). The same answer whether or not the address has a login; CONFLICT only when the address is
 * already a member of this tenant, which the caller can see in the member list anyway.
 */
export async function inviteMember(ctx: RequestContext, tenantId: string, emailInput: string, role: MemberRole): Promise<InvitationView> {
  const email = normalizeEmail(emailInput);
  if (ctx.actor.kind === "user") await ctx.rateLimits?.checkInvite(ctx.actor.userId);
  const token = newLinkToken();
  const row = await staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    assertCanManage(access, role);
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, tenantId), eq(users.email, email)));
    if (member) throw conflict("This address belongs to a member of this tenant already");
    await tx.update(invitations).set({ revokedAt: sql`now()` }).where(and(open(tenantId), eq(invitations.email, email)));
    const [inserted] = await tx
      .insert(invitations)
      .values({ tenantId, id: randomUUID(), email, role, tokenHash: hashLinkToken(token), invitedByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null, expiresAt: expiry(ctx) })
      .returning();
    await sendLink(ctx, tx, tenantId, { email, role }, token);
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.invite", targetType: "invitation", targetId: inserted!.id, after: { role } });
    return inserted!;
  });
  wakePlatformMail(ctx.db);
  return view(row);
}

/** Open invitations (pending or expired, newest first): what the members page lists. */
export async function listInvitations(ctx: RequestContext, tenantId: string): Promise<InvitationView[]> {
  return staffDoor(ctx, tenantId, "members:read", async (tx) =>
    (await tx.select().from(invitations).where(open(tenantId)).orderBy(desc(invitations.sentAt)).limit(500)).map(view),
  );
}

async function openInvitation(tx: Tx, tenantId: string, id: string): Promise<InvitationRow> {
  const [row] = isUuid(id) ? await tx.select().from(invitations).where(and(open(tenantId), eq(invitations.id, id))).for("update") : [];
  if (!row) throw notFound("Invitation");
  return row;
}

/** A new link (and expiry) for an open invitation; the previous link stops working. */
export async function resendInvitation(ctx: RequestContext, tenantId: string, id: string): Promise<InvitationView> {
  if (ctx.actor.kind === "user") await ctx.rateLimits?.checkInvite(ctx.actor.userId);
  const token = newLinkToken();
  const row = await staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    const current = await openInvitation(tx, tenantId, id);
    assertCanManage(access, current.role);
    const [updated] = await tx
      .update(invitations)
      .set({ tokenHash: hashLinkToken(token), sentAt: sql`now()`, expiresAt: expiry(ctx) })
      .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)))
      .returning();
    await sendLink(ctx, tx, tenantId, current, token);
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.invite_resend", targetType: "invitation", targetId: id });
    return updated!;
  });
  wakePlatformMail(ctx.db);
  return view(row);
}

export async function revokeInvitation(ctx: RequestContext, tenantId: string, id: string): Promise<boolean> {
  await staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    const current = await openInvitation(tx, tenantId, id);
    assertCanManage(access, current.role);
    await tx.update(invitations).set({ revokedAt: sql`now()` }).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.invite_revoke", targetType: "invitation", targetId: id, before: { role: current.role } });
  });
  return true;
}

/** The invitation a link's token names, in its tenant's transaction (`app.invitation_by_token` locates it). */
async function byToken<T>(ctx: RequestContext, token: string, userId: string | null, fn: (tx: Tx, row: InvitationRow) => Promise<T>, lock = true): Promise<T> {
  if (!isLinkToken(token)) throw notFound("Invitation");
  const hash = hashLinkToken(token);
  const [located] = await lookupDoor(ctx.db, async (tx) =>
    decodeRows(LocatedInvitation, await tx.execute(sql`select tenant_id, id from app.invitation_by_token(${hash})`)),
  );
  if (!located) throw notFound("Invitation");
  return invitationDoor(ctx.db, { tenantId: located.tenant_id, userId }, async (tx) => {
    const query = tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tenantId, located.tenant_id), eq(invitations.id, located.id), eq(invitations.tokenHash, hash)));
    // Accepting locks the row: of two concurrent acceptances (or an acceptance and a revocation), one wins.
    const [row] = lock ? await query.for("update") : await query;
    if (!row) throw notFound("Invitation");
    return fn(tx, row);
  });
}

/** Public: what a link shows before accepting. The token is the capability (256 random bits, rate-limited). */
export async function invitationPreview(ctx: RequestContext, token: string) {
  return byToken(ctx, token, null, async (tx, row) => {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, row.tenantId));
    return { tenantName: tenant?.name ?? "", role: row.role, email: row.email, status: statusOf(row), expiresAt: row.expiresAt };
  }, false);
}

/**
 * The signed-in invitee accepts: they become a member with the invitation's role (a person who is a member
 * already keeps their membership as it is), and the link is spent. Only a login with the invited address may
 * accept, so a forwarded or leaked link grants nothing to anyone else.
 */
export async function acceptInvitation(ctx: RequestContext, token: string) {
  if (ctx.actor.kind !== "user") throw unauthenticated("Sign in (or create a login) to accept the invitation");
  const userId = ctx.actor.userId;
  const result = await byToken(ctx, token, userId, async (tx, row) => {
    const status = statusOf(row);
    if (status === InvitationStatus.EXPIRED) throw badInput("This invitation has expired: ask for a new one", [{ path: "token", message: "has expired" }]);
    if (status !== InvitationStatus.PENDING) throw notFound("Invitation");
    const [me] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (me?.email !== row.email) throw forbidden("This invitation was sent to another email address: sign in with that address to accept it");
    await tx.insert(memberships).values({ tenantId: row.tenantId, userId, role: row.role }).onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: sql`now()`, acceptedByUserId: userId }).where(and(eq(invitations.tenantId, row.tenantId), eq(invitations.id, row.id)));
    await recordAudit(tx, ctx.actor, { tenantId: row.tenantId, action: "member.accept_invitation", targetType: "user", targetId: userId, after: { role: row.role, invitationId: row.id } });
    const [membership] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.tenantId, row.tenantId), eq(memberships.userId, userId)));
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, row.tenantId));
    if (!membership || !tenant) throw conflict("The invitation could not be accepted");
    return { tenant, role: membership.role, suspended: tenant.suspendedAt !== null };
  });
  await announceAccessChange(ctx.pubsub, [controlTopics.user(userId)], { kind: "membershipChanged", userId, tenantId: result.tenant.id });
  return result;
}

/**
 * An invitee without a login creates one and accepts in one step. The link proves the address (it was mailed
 * there), so the login is made for the invited address, with no separate confirmation and no new organisation.
 * An address that has a login already answers CONFLICT ("sign in to accept"): only the link's holder, who
 * owns the address, can learn that.
 */
export async function acceptInvitationWithSignUp(ctx: RequestContext, token: string, nameInput: string, password: string): Promise<SignedIn> {
  const name = nameInput.trim();
  if (!name || name.length > 100) throw badInput("Enter your name (1–100 characters)", [{ path: "name", message: "must be 1–100 characters" }]);
  const { email, status } = await invitationPreview(ctx, token);
  if (status === InvitationStatus.EXPIRED) throw badInput("This invitation has expired: ask for a new one", [{ path: "token", message: "has expired" }]);
  if (status !== InvitationStatus.PENDING) throw notFound("Invitation");
  const problem = await passwordProblem(password, [email, name]);
  if (problem) throw badInput(`Password ${problem}`, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);
  const userId = randomUUID();
  const result = await byToken(ctx, token, userId, async (tx, row) => {
    if (statusOf(row) !== InvitationStatus.PENDING) throw notFound("Invitation");
    const [user] = await mapUniqueViolations(() => tx.insert(users).values({ id: userId, email: row.email, name, passwordHash }).returning(), {
      users_email_key: () => conflict("This address has a qline login already: sign in to accept the invitation"),
    });
    await tx.insert(memberships).values({ tenantId: row.tenantId, userId, role: row.role });
    await tx.update(invitations).set({ acceptedAt: sql`now()`, acceptedByUserId: userId }).where(and(eq(invitations.tenantId, row.tenantId), eq(invitations.id, row.id)));
    const session = await openSession(tx, ctx.config, user!);
    await recordAudit(tx, session.actor, { tenantId: row.tenantId, action: "member.accept_invitation", targetType: "user", targetId: userId, after: { role: row.role, invitationId: row.id } });
    return { ...session, user: user! };
  });
  return result;
}
