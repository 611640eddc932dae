/**
 * Names and labels for roles and permissions. What a viewer may do is NOT decided here: the API answers it
 * (`viewerPermissions`, read with the tenant's shell — modules/tenants/hooks/use-tenant-shell.ts) from the
 * server's role matrix, the one source of truth (apps/api/src/context/permissions.ts, docs/roles.md). The console
 * only hides controls that would fail; the API checks every operation.
 */
export type MemberRole = "OWNER" | "ADMIN" | "MANAGER" | "STAFF" | "VIEWER";

/** The permission names the console asks about (the vocabulary of docs/roles.md; the grants come from the API). */
export type Permission =
  | "tenant:read"
  | "tenant:update"
  | "tenant:create"
  | "members:read"
  | "members:manage"
  | "apikeys:manage"
  | "devices:manage"
  | "audit:read"
  | "lines:read"
  | "lines:manage"
  | "display:read"
  | "tickets:read"
  | "tickets:issue"
  | "tickets:operate"
  | "tickets:erase"
  | "tenant:export"
  | "tenant:delete";

/** What the API answered for the signed-in user in one tenant (`viewerPermissions`). */
export interface ViewerGrants {
  /** The strongest role held here or on an ancestor. */
  role: MemberRole | null;
  permissions: readonly string[];
  /** Roles the viewer may grant, change to or remove, strongest first. */
  grantableRoles: readonly MemberRole[];
  /** Scopes the viewer may put on a new API key. */
  grantableScopes: readonly string[];
}

export const noGrants: ViewerGrants = { role: null, permissions: [], grantableRoles: [], grantableScopes: [] };

export function can(viewer: ViewerGrants, permission: Permission): boolean {
  return viewer.permissions.includes(permission);
}

/** Strongest first (display order of role pickers). */
export const roles: readonly MemberRole[] = ["OWNER", "ADMIN", "MANAGER", "STAFF", "VIEWER"];

export const roleLabels: Record<MemberRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MANAGER: "Manager",
  STAFF: "Staff",
  VIEWER: "Viewer",
};

/**
 * Scope presets for devices whose key lives in a public browser: display:read (numbers, counters, stats), never
 * tickets:read (customers' names, phones, custom fields). Names `apiKeyPresets` of the API; the dialog offers a
 * preset only when the viewer may grant all of its scopes.
 */
export const apiKeyPresets = {
  Display: ["tenant:read", "lines:read", "display:read"],
  Kiosk: ["tenant:read", "lines:read", "display:read", "tickets:issue"],
} as const satisfies Record<string, readonly Permission[]>;
export type ApiKeyPreset = keyof typeof apiKeyPresets;
