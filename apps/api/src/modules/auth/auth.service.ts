import { randomUUID } from "node:crypto";
import { emailSchema, messages } from "@qline/validation";
import { asc, eq, sql } from "drizzle-orm";
import { accounts, col, decodeFirstRow, memberships, tenants, users, z, type Tx } from "@qline/db";
import type { RequestContext } from "../../context/context.js";
import { lookupDoor, newTenantDoor, signInDoor, userDoor } from "../../context/doors.js";
import { badInput, conflict, notFound, unauthenticated } from "../../errors/codes.js";
import { mapUniqueViolations } from "../../errors/postgres.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkSlug, insertTenant, slugTaken } from "../tenants/tenants.service.js";
import { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { openSession, type OpenedSession } from "./sessions.service.js";

export interface SignUpFields {
  email: string;
  password: string;
  name: string;
  accountName: string;
  tenantName: string;
  tenantSlug: string;
}

export type UserRow = typeof users.$inferSelect;

/** An account's email (sign-up, login, invitations): the shared email schema, then lower-cased. */
export function normalizeEmail(email: string, path = "email"): string {
  const checked = emailSchema.safeParse(email);
  if (!checked.success) throw badInput("Malformed email address", [{ path, message: checked.error.issues[0]?.message ?? messages.email }]);
  return checked.data.toLowerCase();
}

/** What signUp and login answer: the new session's token and actor, and the user. */
export type SignedIn = OpenedSession & { user: UserRow };

/**
 * Account + root tenant + the user as its OWNER + their first session, in one transaction: all of it exists,
 * or none of it.
 */
export async function signUp(ctx: RequestContext, input: SignUpFields): Promise<SignedIn> {
  const checked = await checkSignUp(input);
  const userId = randomUUID();
  const tenantId = randomUUID();
  return newTenantDoor(ctx.db, { tenantId, userId }, (tx) => createOwnerAccount(ctx, tx, { userId, tenantId }, checked)).catch((error: unknown) => {
    throw error instanceof Error && error.message.includes("tenants_slug_key") ? slugTaken(input.tenantSlug) : error;
  });
}

/** What creating an account needs once its input is checked (the password hashed). */
export interface CheckedSignUp {
  email: string;
  name: string;
  passwordHash: string;
  accountName: string;
  tenantName: string;
  tenantSlug: string;
}

/** Sign-up input checked (email, slug, names, password strength) and the password hashed. */
export async function checkSignUp(input: SignUpFields): Promise<CheckedSignUp> {
  const email = normalizeEmail(input.email, "input.email");
  checkSlug(input.tenantSlug, "input.tenantSlug");
  for (const field of ["name", "accountName", "tenantName"] as const) {
    if (!input[field].trim()) throw badInput(`${field} must not be empty`, [{ path: `input.${field}`, message: "empty" }]);
  }
  const problem = await passwordProblem(input.password, [email, input.name]);
  if (problem) throw badInput(`Password ${problem}`, [{ path: "input.password", message: problem }]);
  return {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    accountName: input.accountName.trim(),
    tenantName: input.tenantName.trim(),
    tenantSlug: input.tenantSlug,
  };
}

/**
 * Account + root tenant + the user as its OWNER + their first session, in the caller's transaction (scoped to
 * `ids`): all of it exists, or none of it.
 */
export async function createOwnerAccount(ctx: RequestContext, tx: Tx, ids: { userId: string; tenantId: string }, fields: CheckedSignUp): Promise<SignedIn> {
  const { userId, tenantId } = ids;
  const accountId = randomUUID();
  const [user] = await mapUniqueViolations(
    () => tx.insert(users).values({ id: userId, email: fields.email, name: fields.name, passwordHash: fields.passwordHash }).returning(),
    { users_email_key: () => conflict("An account with this email already exists") },
  );
  await tx.insert(accounts).values({ id: accountId, name: fields.accountName, ownerUserId: userId });
  const tenant = await insertTenant(tx, { id: tenantId, accountId, name: fields.tenantName, slug: fields.tenantSlug, parent: null });
  await tx.insert(memberships).values({ tenantId, userId, role: "OWNER" });
  const session = await openSession(tx, ctx.config, user!);
  await recordAudit(tx, session.actor, { tenantId, action: "tenant.create", targetType: "tenant", targetId: tenantId, after: tenant });
  return { ...session, user: user! };
}

const LoginRow = z.object({ id: col.uuid, password_hash: col.text });

const UserIdRow = z.object({ id: col.uuid.nullable() });

/** The user with this (normalised) email, if any, through its lookup door (`app.user_id_by_email`). */
export async function userIdByEmail(tx: Tx, email: string): Promise<string | null> {
  return decodeFirstRow(UserIdRow, await tx.execute(sql`select app.user_id_by_email(${email}) as id`))?.id ?? null;
}

/**
 * One answer for an unknown email and a wrong password ("Invalid email or password"), and the same work: an
 * unknown email is verified against a decoy hash, so timing does not tell whether an account exists.
 */
export async function login(ctx: RequestContext, emailInput: string, password: string): Promise<SignedIn> {
  const email = emailInput.trim().toLowerCase();
  const ip = ctx.clientIp ?? "unknown";
  await ctx.rateLimits?.login.before(email, ip);
  const found = await lookupDoor(ctx.db, async (tx) => decodeFirstRow(LoginRow, await tx.execute(sql`select * from app.login_lookup(${email})`)));
  const valid = await verifyPassword(found?.password_hash ?? (await decoyPasswordHash()), password);
  if (!found || !valid) {
    await ctx.rateLimits?.login.failed(email, ip);
    throw unauthenticated("Invalid email or password");
  }
  await ctx.rateLimits?.login.succeeded(email, ip);
  return signInDoor(ctx.db, found.id, async (tx) => {
    const user = (await tx.select().from(users).where(eq(users.id, found.id)))[0];
    if (!user) throw unauthenticated("Invalid email or password");
    return { ...(await openSession(tx, ctx.config, user)), user };
  });
}

export async function me(ctx: RequestContext): Promise<UserRow | null> {
  if (ctx.actor.kind !== "user") return null;
  return userDoor(ctx, async (tx, userId) => (await tx.select().from(users).where(eq(users.id, userId)))[0] ?? null);
}

/** The signed-in user's own memberships with their tenants (suspended ones included, flagged). */
export async function myMemberships(ctx: RequestContext, userId: string) {
  if (ctx.actor.kind !== "user" || ctx.actor.userId !== userId) throw notFound("User");
  return userDoor(ctx, (tx) =>
    tx
      .select({ role: memberships.role, createdAt: memberships.createdAt, tenant: tenants })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(tenants.depth), asc(tenants.name)),
  );
}
