import { staffAccessDoor } from "../../context/doors.js";
import type { RequestContext } from "../../context/context.js";
import { grantableRoles, grantableScopes, permissions } from "../../context/permissions.js";
import type { ViewerPermissions } from "./viewer-permissions.types.js";

/**
 * The caller's permissions in a tenant, as the doors decide them (roles on the tenant or an ancestor, an API
 * key's scopes, the deletion grace). Needs no permission beyond access: unknown tenant and no role there are the
 * same NOT_FOUND as every tenant-scoped query; a suspended tenant is FORBIDDEN.
 */
export function viewerPermissions(ctx: RequestContext, tenantId: string): Promise<ViewerPermissions> {
  return staffAccessDoor(ctx, tenantId, async (_tx, access) => ({
    tenantId: access.tenantId,
    role: access.role,
    permissions: permissions.filter((p) => access.permissions.has(p)),
    grantableRoles: grantableRoles(access.role, access.permissions),
    grantableScopes: grantableScopes(access.permissions),
  }));
}
