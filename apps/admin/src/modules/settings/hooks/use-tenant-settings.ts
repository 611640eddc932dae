import { useMutation, useQuery } from "@apollo/client/react";
import type { UpdateTenantInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { TenantSettingsQuery } from "../graphql/tenant-settings.query";
import { UpdateTenantMutation } from "../graphql/update-tenant.mutation";

export function useTenantSettings(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(TenantSettingsQuery, { variables: { id: tenantId } });
  const [mutate, state] = useMutation(UpdateTenantMutation);
  const update = (input: UpdateTenantInput) => attempt(async () => (await mutate({ variables: { id: tenantId, input } })).data?.updateTenant ?? null);
  return { tenant: data?.tenant ?? null, loading: loading && !data, error, refetch: () => void refetch(), update, saving: state.loading };
}
