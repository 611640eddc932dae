import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../../lib/errors";
import { PlatformCheckQuery } from "../graphql/platform-check.query";
import { SetTenantSuspendedMutation } from "../graphql/set-tenant-suspended.mutation";

/** Whether the signed-in user is a platform administrator (asked once per session), and suspending tenants. */
export function usePlatformAdmin() {
  const { data } = useQuery(PlatformCheckQuery, { fetchPolicy: "cache-first", errorPolicy: "all" });
  const [mutate, state] = useMutation(SetTenantSuspendedMutation);
  return {
    isPlatformAdmin: Boolean(data?.platformAccounts),
    setSuspended: (tenantId: string, suspended: boolean) => attempt(async () => void (await mutate({ variables: { tenantId, suspended } }))),
    suspending: state.loading,
  };
}
