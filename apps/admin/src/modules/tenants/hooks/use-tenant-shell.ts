import { useQuery } from "@apollo/client/react";
import { noGrants } from "../../../lib/permissions";
import { TenantShellQuery } from "../graphql/tenant-shell.query";
import { currentTenantFor, type CurrentTenant } from "./use-current-tenant";

/** The tenant's shell and what the API says the signed-in user may do there, in one request. */
export function useTenantShell(tenantId: string): { current: CurrentTenant | null; loading: boolean; error: unknown; refetch: () => void } {
  const { data, loading, error, refetch } = useQuery(TenantShellQuery, { variables: { id: tenantId } });
  const tenant = data?.tenant ?? null;
  const current = tenant ? currentTenantFor(tenant, data?.viewerPermissions ?? noGrants) : null;
  return { current, loading: loading && !data, error, refetch: () => void refetch() };
}
