import { and, asc, eq } from "drizzle-orm";
import { memberships, tenants, users, type MemberRole, type Tx } from "@qline/db";
import type { RequestContext, TenantAccess } from "../../context/context.js";
import { roleRank } from "../../context/permissions.js";
import { isUuid } from "../../context/access.js";
import { staffDoor } from "../../context/doors.js";
import { conflict, forbidden, notFound } from "../../errors/codes.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { controlTopics } from "../../pubsub/control-topics.js";
import { announceAccessChange } from "../../subscriptions/live-access.js";
import { recordAudit } from "../audit/audit.service.js";
import { normalizeEmail, userIdByEmail } from "../auth/auth.service.js";

export interface MemberView {
  tenantId: string;
  userId: string;
  role: MemberRole;
  createdAt: Date;
  email: string;
  name: string;
}

/** A member can grant, change or remove only roles no stronger than their own. */
export function assertCanManage(access: TenantAccess, role: MemberRole): void {
  if (!access.role || roleRank[role] < roleRank[access.role]) {
    throw forbidden(`Only a member with ${role} or a stronger role can grant or change ${role}`);
  }
}

async function memberView(tx: Tx, tenantId: string, userId: string): Promise<MemberView | undefined> {
  const [row] = await tx
    .select({ tenantId: memberships.tenantId, userId: memberships.userId, role: memberships.role, createdAt: memberships.createdAt, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row;
}

/** The last OWNER of a root tenant stays: somebody must be able to administer the tree. */

async function assertNotLastRootOwner(tx: Tx, tenantId: string, leaving: MemberView): Promise<void> {
  if (leaving.role !== "OWNER") return;
  const [tenant] = await tx.select({ depth: tenants.depth }).from(tenants).where(eq(tenants.id, tenantId));
  if (tenant?.depth !== 0) return;
  const owners = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "OWNER")))
    .for("update");
  if (owners.length <= 1) throw conflict("The last owner of a root tenant cannot be removed or demoted");
}

export async function listMembers(ctx: RequestContext, tenantId: string): Promise<MemberView[]> {
  return staffDoor(ctx, tenantId, "members:read", (tx) =>
    tx
      .select({ tenantId: memberships.tenantId, userId: memberships.userId, role: memberships.role, createdAt: memberships.createdAt, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, tenantId))
      .orderBy(asc(users.email)),
  );
}

export async function addMember(ctx: RequestContext, tenantId: string, emailInput: string, role: MemberRole): Promise<MemberView> {
  const email = normalizeEmail(emailInput);
  return staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    assertCanManage(access, role);
    const userId = await userIdByEmail(tx, email);
    if (!userId) throw notFound("User");
    await mapUniqueViolations(() => tx.insert(memberships).values({ tenantId, userId, role }), {
      memberships_tenant_id_user_id_pk: () => conflict("This person is already a member of this tenant"),
    });
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.add", targetType: "user", targetId: userId, after: { role } });
    return (await memberView(tx, tenantId, userId))!;
  });
}

export async function updateMemberRole(ctx: RequestContext, tenantId: string, userId: string, role: MemberRole): Promise<MemberView> {
  if (!isUuid(userId)) throw notFound("Member");
  let before: MemberRole | undefined;
  const view = await staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    const current = await memberView(tx, tenantId, userId);
    if (!current) throw notFound("Member");
    before = current.role;
    assertCanManage(access, current.role);
    assertCanManage(access, role);
    if (current.role === role) return current;
    if (role !== "OWNER") await assertNotLastRootOwner(tx, tenantId, current);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.update_role", targetType: "user", targetId: userId, before: { role: current.role }, after: { role } });
    return { ...current, role };
  });
  if (view.role !== before) await membershipChanged(ctx, tenantId, userId);
  return view;
}

export async function removeMember(ctx: RequestContext, tenantId: string, userId: string): Promise<boolean> {
  if (!isUuid(userId)) throw notFound("Member");
  await staffDoor(ctx, tenantId, "members:manage", async (tx, access) => {
    const current = await memberView(tx, tenantId, userId);
    if (!current) throw notFound("Member");
    assertCanManage(access, current.role);
    await assertNotLastRootOwner(tx, tenantId, current);
    await tx.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.actor, { tenantId, action: "member.remove", targetType: "user", targetId: userId, before: { role: current.role } });
  });
  await membershipChanged(ctx, tenantId, userId);
  return true;
}

/** After commit: the person's live streams decide their access again now (subscriptions/live-access.ts). */
function membershipChanged(ctx: RequestContext, tenantId: string, userId: string): Promise<void> {
  return announceAccessChange(ctx.pubsub, [controlTopics.user(userId)], { kind: "membershipChanged", userId, tenantId });
}
