import { createContext, useContext } from "react";
import type { TenantShellQuery } from "../../../gql/graphql";
import { can, type MemberRole, type Permission, type ViewerGrants } from "../../../lib/permissions";

export type ShellTenant = NonNullable<TenantShellQuery["tenant"]>;

export interface CurrentTenant {
  tenant: ShellTenant;
  /** The strongest role the user holds here or on an ancestor. */
  role: MemberRole | null;
  /** What the API says the user may do here (viewerPermissions). */
  viewer: ViewerGrants;
  can: (permission: Permission) => boolean;
}

export const CurrentTenantContext = createContext<CurrentTenant | null>(null);

export function useCurrentTenant(): CurrentTenant {
  const value = useContext(CurrentTenantContext);
  if (!value) throw new Error("useCurrentTenant outside a tenant page");
  return value;
}

export function currentTenantFor(tenant: ShellTenant, viewer: ViewerGrants): CurrentTenant {
  return { tenant, role: viewer.role, viewer, can: (permission) => can(viewer, permission) };
}
