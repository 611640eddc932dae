import { createContext, useContext } from "react";
import type { TenantShellQuery } from "../../../gql/graphql";
import { can, type MemberRole, type Permission } from "../../../lib/permissions";

export type ShellTenant = NonNullable<TenantShellQuery["tenant"]>;

export interface CurrentTenant {
  tenant: ShellTenant;
  /** The strongest role the user holds here or on an ancestor. */
  role: MemberRole | null;
  can: (permission: Permission) => boolean;
}

export const CurrentTenantContext = createContext<CurrentTenant | null>(null);

export function useCurrentTenant(): CurrentTenant {
  const value = useContext(CurrentTenantContext);
  if (!value) throw new Error("useCurrentTenant outside a tenant page");
  return value;
}

export function currentTenantFor(tenant: ShellTenant, role: MemberRole | null): CurrentTenant {
  return { tenant, role, can: (permission) => can(role, permission) };
}
