import { useMutation, useQuery } from "@apollo/client/react";
import type { NotificationProvidersInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { NotificationProvidersQuery } from "../graphql/notification-providers.query";
import { SetNotificationProvidersMutation } from "../graphql/set-notification-providers.mutation";

export function useNotificationProviders(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(NotificationProvidersQuery, { variables: { tenantId } });
  // The answer has no id to merge by: read the query again so "configured" and the fields follow the save.
  const [mutate, state] = useMutation(SetNotificationProvidersMutation, { refetchQueries: [{ query: NotificationProvidersQuery, variables: { tenantId } }], awaitRefetchQueries: true });
  return {
    providers: data?.notificationProviders ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    save: (input: NotificationProvidersInput) => attempt(async () => (await mutate({ variables: { tenantId, input } })).data?.setNotificationProviders ?? null),
    saving: state.loading,
  };
}
