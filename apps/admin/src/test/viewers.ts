import type { MemberRole, Permission, ViewerGrants } from "../lib/permissions";

/**
 * Test data: what `viewerPermissions` answers for a member holding `role` (docs/roles.md). The console reads
 * these from the API; this table exists only so component tests can render a page as a given role.
 */
const viewer: Permission[] = ["tenant:read", "lines:read", "display:read", "tickets:read"];
const staff: Permission[] = [...viewer, "tickets:issue", "tickets:operate", "tickets:erase"];
const manager: Permission[] = [...staff, "lines:manage", "members:read", "devices:manage"];
const admin: Permission[] = [...manager, "tenant:update", "tenant:create", "members:manage", "apikeys:manage", "audit:read"];
const owner: Permission[] = [...admin, "tenant:export", "tenant:delete"];
const grants: Record<MemberRole, Permission[]> = { OWNER: owner, ADMIN: admin, MANAGER: manager, STAFF: staff, VIEWER: viewer };
const order: MemberRole[] = ["OWNER", "ADMIN", "MANAGER", "STAFF", "VIEWER"];
const notForKeys = new Set<Permission>(["members:manage", "apikeys:manage", "devices:manage", "tenant:export", "tenant:delete"]);

export function viewerAs(role: MemberRole): ViewerGrants {
  const permissions = grants[role];
  return {
    role,
    permissions,
    grantableRoles: permissions.includes("members:manage") ? order.slice(order.indexOf(role)) : [],
    grantableScopes: permissions.includes("apikeys:manage") ? permissions.filter((p) => !notForKeys.has(p)) : [],
  };
}
