/**
 * The roles/permissions matrix, mirrored from apps/api/src/context/permissions.ts (the API decides; this module
 * only hides controls that would fail). Keep the two in step: permissions.test.ts pins this table.
 */
export type MemberRole = "OWNER" | "ADMIN" | "MANAGER" | "STAFF" | "VIEWER";

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
const manager: Permission[] = [...staff, "lines:manage", "members:read"];
const admin: Permission[] = [...manager, "tenant:update", "tenant:create", "members:manage", "apikeys:manage", "audit:read"];

const owner: Permission[] = [...admin, "tenant:export", "tenant:delete"];

export const roleGrants: Record<MemberRole, ReadonlySet<Permission>> = {
  OWNER: new Set(owner),
  ADMIN: new Set(admin),
  MANAGER: new Set(manager),
  STAFF: new Set(staff),
  VIEWER: new Set(viewer),
};

/** Strongest first. */
export const roles: readonly MemberRole[] = ["OWNER", "ADMIN", "MANAGER", "STAFF", "VIEWER"];
export const roleRank: Record<MemberRole, number> = { OWNER: 0, ADMIN: 1, MANAGER: 2, STAFF: 3, VIEWER: 4 };

export const roleLabels: Record<MemberRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Manager",
  STAFF: "Staff",
  VIEWER: "Viewer",
};

/** Scopes an API key may hold: everything but managing people and keys and the owner's export and deletion. */
const notForKeys: ReadonlySet<Permission> = new Set(["members:manage", "apikeys:manage", "tenant:export", "tenant:delete"]);
export const apiKeyScopes: readonly Permission[] = permissions.filter((p) => !notForKeys.has(p));

/**
 * Scope presets for devices whose key lives in a public browser: display:read (numbers, counters, stats), never
 * tickets:read (customers' names, phones, custom fields). Mirrors `apiKeyPresets` in the API.
 */
export const apiKeyPresets = {
  Display: ["tenant:read", "lines:read", "display:read"],
  Kiosk: ["tenant:read", "lines:read", "display:read", "tickets:issue"],
} as const satisfies Record<string, readonly Permission[]>;
export type ApiKeyPreset = keyof typeof apiKeyPresets;

export function strongestRole(list: readonly MemberRole[]): MemberRole | null {
  let best: MemberRole | null = null;
  for (const role of list) if (best === null || roleRank[role] < roleRank[best]) best = role;
  return best;
}

/** A role on a tenant applies to its whole subtree: the strongest role held on the tenant or an ancestor. */
export function roleIn(memberships: readonly { role: MemberRole; tenantId: string }[], tenantPath: readonly string[]): MemberRole | null {
  const path = new Set(tenantPath);
  return strongestRole(memberships.filter((m) => path.has(m.tenantId)).map((m) => m.role));
}

export function can(role: MemberRole | null, permission: Permission): boolean {
  return role !== null && roleGrants[role].has(permission);
}

/** Roles this role may grant or change to (no stronger than its own; only an OWNER grants OWNER). */
export function grantableRoles(role: MemberRole | null): MemberRole[] {
  if (!role || !can(role, "members:manage")) return [];
  return roles.filter((r) => roleRank[r] >= roleRank[role]);
}
