import type { MemberRole } from "@qline/db";
import type { Actor } from "./actor.js";

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
  "devices:manage",
  "audit:read",
  "lines:read",
  "lines:manage",
  "display:read",
  "tickets:read",
  "tickets:issue",
  "tickets:operate",
  "tickets:erase",
  "tenant:export",
  "tenant:delete",
] as const;
export type Permission = (typeof permissions)[number];

const viewer: Permission[] = ["tenant:read", "lines:read", "display:read", "tickets:read"];
const staff: Permission[] = [...viewer, "tickets:issue", "tickets:operate", "tickets:erase"];
/** A store's manager sets its kiosks and displays up (devices: keys of fixed, scoped presets), not API keys. */
const manager: Permission[] = [...staff, "lines:manage", "members:read", "devices:manage"];
const admin: Permission[] = [...manager, "tenant:update", "tenant:create", "members:manage", "apikeys:manage", "audit:read"];

/** Taking all of a tenant's data out, or deleting it: the owner's alone. */
const owner: Permission[] = [...admin, "tenant:export", "tenant:delete"];

export const roleGrants: Record<MemberRole, ReadonlySet<Permission>> = {
  OWNER: new Set(owner),
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

/** Scopes an API key may hold: everything but managing people, keys and devices (a key cannot mint keys) and the owner's export and deletion. */
const notForKeys: ReadonlySet<Permission> = new Set(["members:manage", "apikeys:manage", "devices:manage", "tenant:export", "tenant:delete"]);
export const apiKeyScopes: readonly Permission[] = permissions.filter((p) => !notForKeys.has(p));

/**
 * Roles a member with `role` and `granted` may grant, change to or remove: none without members:manage; only
 * roles no stronger than their own (only an OWNER grants OWNER). members.service's `assertCanManage` enforces it.
 */
export function grantableRoles(role: MemberRole | null, granted: ReadonlySet<Permission>): MemberRole[] {
  if (!role || !granted.has("members:manage")) return [];
  return (Object.keys(roleRank) as MemberRole[]).filter((r) => roleRank[r] >= roleRank[role]).sort((a, b) => roleRank[a] - roleRank[b]);
}

/** API key scopes an actor may put on a new key: only what it holds itself, and only with apikeys:manage (createApiKey). */
export function grantableScopes(granted: ReadonlySet<Permission>): Permission[] {
  if (!granted.has("apikeys:manage")) return [];
  return apiKeyScopes.filter((s) => granted.has(s));
}

/**
 * While a tenant (or an ancestor) waits for its deletion, its OWNER may still do only this (see the tenant's
 * data, take it out, cancel the deletion); everyone else is refused as for a suspended tenant.
 */
export const duringDeletionGrace: ReadonlySet<Permission> = new Set(["tenant:read", "audit:read", "tenant:export", "tenant:delete"]);

/** A scope that includes another: tickets:read (with personal data) includes display:read (without). */
const implied: Partial<Record<Permission, readonly Permission[]>> = { "tickets:read": ["display:read"] };

/** An API key's scopes with what they imply (keys made before display:read existed keep working). */
export function withImplied(scopes: ReadonlySet<Permission>): ReadonlySet<Permission> {
  const out = new Set(scopes);
  for (const scope of scopes) for (const more of implied[scope] ?? []) out.add(more);
  return out;
}

/**
 * Scope sets offered when creating a key (admin's dialog, the demo seed, e2e). Both live in browsers anyone
 * can open, so neither reads personal data: display:read, never tickets:read.
 */
export const apiKeyPresets = {
  /** A waiting-room screen: numbers, counters, now serving, stats. */
  Display: ["tenant:read", "lines:read", "display:read"],
  /** A self-service kiosk: the display's reads plus issuing tickets. */
  Kiosk: ["tenant:read", "lines:read", "display:read", "tickets:issue"],
} as const satisfies Record<string, readonly Permission[]>;

/**
 * Whether the actor may read customers' personal data on tickets (name, phone, extensions, tracking code,
 * history). Every role holds tickets:read; an API key only when given it. Ticket fields are personal unless
 * listed as display fields (context/personal-data.ts).
 */
export function readsPersonalData(actor: Actor): boolean {
  if (actor.kind === "user") return true;
  if (actor.kind === "apiKey") return actor.scopes.has("tickets:read");
  return false;
}

/** Documentation of which operations check which permission (the checks themselves live in the services). */
const operationsByPermission: Record<Permission, string[]> = {
  "tenant:read": ["tenant", "Tenant.children / ancestors / parent / effectiveSettings / account / templates / descendants", "createTenant.location.insideTenantId (the venue)"],
  "tenant:update": ["updateTenant", "moveTenant (on the tenant moved)", "setLinePreset", "resetTemplateField (THEME, LINE_PRESET)"],
  "tenant:create": ["createTenant (on the parent)", "moveTenant (on the new parent)"],
  "members:read": ["Tenant.members", "Tenant.invitations"],
  "members:manage": ["inviteMember", "resendInvitation", "revokeInvitation", "updateMemberRole", "removeMember", "addMember (deprecated)"],
  "apikeys:manage": ["createApiKey", "revokeApiKey", "Tenant.apiKeys"],
  "devices:manage": ["createDevice", "renewDevicePairing", "updateDevice", "revokeDevice", "Tenant.devices"],
  "audit:read": ["Tenant.auditLog"],
  "lines:read": ["line", "Tenant.lines", "Tenant.ticketTypes", "Tenant.ticketExtensionSchema"],
  "lines:manage": ["createLine", "updateLine", "createTicketType", "createCounter", "setTicketExtensionSchema", "resetTemplateField (EXTENSION_SCHEMA)", "setInheritedTicketTypeHidden"],
  "display:read": ["ticket", "Line.tickets", "lineUpdated", "tenantActivity", "lineAnalytics", "tenantAnalytics", "chainAnalytics", "analyticsReport", "GET /analytics/tickets (export)", "Ticket.estimate"],
  "tickets:read": ["Ticket.trackingCode", "Ticket.customerName", "Ticket.phone", "Ticket.extensions", "Ticket.extensionSchemaVersion", "Ticket.cancelReason", "Ticket.history", "(includes display:read)"],
  "tickets:issue": ["issueTicket"],
  "tickets:erase": ["eraseCustomerData"],
  "tenant:export": ["exportTenantData"],
  "tenant:delete": ["deleteTenant", "cancelTenantDeletion"],
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
    "one under a suspended ancestor) answers FORBIDDEN to everyone but the platform admin. A tenant scheduled for",
    "deletion (`deleteTenant`) is refused the same way during its grace period, except that its OWNER keeps",
    `${[...duringDeletionGrace].map((p) => `\`${p}\``).join(", ")} (to export its data or cancel the deletion).`,
    "",
    "`display:read` reads ticket numbers, statuses, positions, counters, now serving and stats, but no personal",
    "data: a Ticket field is personal unless it is one of the display fields (`apps/api/src/context/personal-data.ts`),",
    "and personal fields answer FORBIDDEN without `tickets:read` (which includes `display:read`). The one exception:",
    "`issueTicket` answers the ticket it just issued in full (the kiosk prints its tracking code).",
    "",
    "API key presets (admin's create-key dialog, the demo seed):",
    "",
    ...Object.entries(apiKeyPresets).map(([name, scopes]) => `- **${name}**: ${scopes.map((s) => `\`${s}\``).join(", ")}`),
    "",
    header,
    ...rows,
    "",
    "## Which operations need which permission",
    "",
    "| permission | operations |",
    "|---|---|",
    ...Object.entries(operationsByPermission).map(([p, ops]) => `| \`${p}\` | ${ops.map((o) => `\`${o}\``).join(", ")} |`),
    "| any role in the tenant's tree, or a key of its subtree | `viewerPermissions` (what this table grants the caller there) |",
    "| signed in as the invited address | `acceptInvitation` (docs/people.md) |",
    "| public (no sign-in) | `startSignUp`, `confirmSignUp` (the emailed token), `signUp` (deprecated), `login`, `requestPasswordReset`, `resetPassword` (the emailed token is the capability), `invitation`, `acceptInvitationWithSignUp` (the invitation's token), `webPushPublicKey`, `tenantBySlug` (with its open lines and its remote-join lines), `slugAvailable`, `ticketByCode`, `cancelMyTicket`, `runningLate`, `ticketUpdated`, `subscribeTicketPush`, `unsubscribeTicketPush` — the tracking code is the customer's capability; `joinLine` into a line with remote join on (rate-limited per address, device and contact) |",
    "| platform admin (`PLATFORM_ADMIN_EMAILS`) | `platformAccounts`, `setTenantSuspended`, `devPlatformMailbox` (dev sinks only) |",
    "",
  ].join("\n");
}
