import type { MemberRole } from "@qline/db";

/**
 * What can be done in a tenant. Roles grant sets of these on the tenant where they are held and its whole
 * subtree; API keys carry a chosen subset as scopes. docs/roles.md is generated from this table and a test
 * fails when the two differ.
 */
export const permissions = [
  "tenant:read",
  "tenant:update",
  "tenant:create",
  "members:read",
  "members:manage",
  "apikeys:manage",
  "audit:read",
  "lines:read",
  "lines:manage",
  "tickets:read",
  "tickets:issue",
  "tickets:operate",
] as const;
export type Permission = (typeof permissions)[number];

const viewer: Permission[] = ["tenant:read", "lines:read", "tickets:read"];
const staff: Permission[] = [...viewer, "tickets:issue", "tickets:operate"];
const manager: Permission[] = [...staff, "lines:manage", "members:read"];
const admin: Permission[] = [...manager, "tenant:update", "tenant:create", "members:manage", "apikeys:manage", "audit:read"];

export const roleGrants: Record<MemberRole, ReadonlySet<Permission>> = {
  OWNER: new Set(admin),
  ADMIN: new Set(admin),
  MANAGER: new Set(manager),
  STAFF: new Set(staff),
  VIEWER: new Set(viewer),
};

/** Strongest first; a member can grant or change only roles no stronger than their own. */
export const roleRank: Record<MemberRole, number> = { OWNER: 0, ADMIN: 1, MANAGER: 2, STAFF: 3, VIEWER: 4 };

export function strongestRole(roles: readonly MemberRole[]): MemberRole | null {
  let best: MemberRole | null = null;
  for (const role of roles) if (best === null || roleRank[role] < roleRank[best]) best = role;
  return best;
}

/** Scopes an API key may hold: everything but managing people and keys (a key cannot mint keys). */
export const apiKeyScopes: readonly Permission[] = permissions.filter((p) => p !== "members:manage" && p !== "apikeys:manage");

/** The matrix as Markdown: the source of docs/roles.md. */
export function rolesMarkdown(): string {
  const roles = Object.keys(roleGrants) as MemberRole[];
  const header = `| permission | ${roles.join(" | ")} | API key scope |\n|---|${roles.map(() => "---").join("|")}|---|`;
  const rows = permissions.map(
    (p) => `| \`${p}\` | ${roles.map((r) => (roleGrants[r].has(p) ? "yes" : "—")).join(" | ")} | ${apiKeyScopes.includes(p) ? "yes" : "—"} |`,
  );
  return [
    "# Roles and permissions",
    "",
    "Generated from `apps/api/src/context/permissions.ts` (`pnpm --filter @qline/api run docs:roles`); a test fails when this file is stale.",
    "A role held on a tenant applies to that tenant and its whole subtree. An API key acts in its own tenant's",
    "subtree with the scopes it was created with. Besides the matrix: only an OWNER can grant, change or remove",
    "OWNER (a member can grant only roles no stronger than their own); the last OWNER of a root tenant cannot be",
    "removed or demoted; creating a root tenant in an account needs the account's owner; a suspended tenant (or",
    "one under a suspended ancestor) answers FORBIDDEN to everyone but the platform admin.",
    "",
    header,
    ...rows,
    "",
  ].join("\n");
}
