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

/** Documentation of which operations check which permission (the checks themselves live in the services). */
const operationsByPermission: Record<Permission, string[]> = {
  "tenant:read": ["tenant", "Tenant.children / ancestors / parent / effectiveSettings / account", "createTenant.location.insideTenantId (the venue)"],
  "tenant:update": ["updateTenant", "moveTenant (on the tenant moved)"],
  "tenant:create": ["createTenant (on the parent)", "moveTenant (on the new parent)"],
  "members:read": ["Tenant.members"],
  "members:manage": ["addMember", "updateMemberRole", "removeMember"],
  "apikeys:manage": ["createApiKey", "revokeApiKey", "Tenant.apiKeys"],
  "audit:read": ["Tenant.auditLog"],
  "lines:read": ["line", "Tenant.lines", "Tenant.ticketTypes", "Tenant.ticketExtensionSchema"],
  "lines:manage": ["createLine", "updateLine", "createTicketType", "createCounter", "setTicketExtensionSchema"],
  "tickets:read": ["ticket", "Line.tickets", "lineUpdated", "tenantActivity", "lineAnalytics", "tenantAnalytics"],
  "tickets:issue": ["issueTicket"],
  "tickets:operate": ["updateTicket", "callNext", "callTicket", "startServing", "completeTicket", "cancelTicket", "markNoShow", "requeueTicket", "transferTicket", "moveTicket", "openCounter", "closeCounter"],
};

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
    "## Which operations need which permission",
    "",
    "| permission | operations |",
    "|---|---|",
    ...Object.entries(operationsByPermission).map(([p, ops]) => `| \`${p}\` | ${ops.map((o) => `\`${o}\``).join(", ")} |`),
    "| public (no sign-in) | `signUp`, `login`, `tenantBySlug` (with its open lines), `slugAvailable`, `ticketByCode`, `cancelMyTicket`, `ticketUpdated` — the tracking code is the customer's capability |",
    "| platform admin (`PLATFORM_ADMIN_EMAILS`) | `platformAccounts`, `setTenantSuspended` |",
    "",
  ].join("\n");
}
