import { useQuery } from "@apollo/client/react";
import { roleIn } from "../../../lib/permissions";
import { useSession } from "../../auth/hooks/use-session";
import { TenantShellQuery } from "../graphql/tenant-shell.query";
import { currentTenantFor, type CurrentTenant } from "./use-current-tenant";

export function useTenantShell(tenantId: string): { current: CurrentTenant | null; loading: boolean; error: unknown; refetch: () => void } {
  const { user } = useSession();
  const { data, loading, error, refetch } = useQuery(TenantShellQuery, { variables: { id: tenantId } });
  const tenant = data?.tenant ?? null;
  const current = tenant
    ? currentTenantFor(
        tenant,
        roleIn(
          user.memberships.map((m) => ({ role: m.role, tenantId: m.tenant.id })),
          [...tenant.ancestors.map((a) => a.id), tenant.id],
        ),
      )
    : null;
  return { current, loading: loading && !data, error, refetch: () => void refetch() };
}
