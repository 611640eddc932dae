import { useMutation, useQuery } from "@apollo/client/react";
import type { NotificationSettingsInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { LineNotificationSettingsQuery } from "../graphql/line-notification-settings.query";
import { UpdateNotificationSettingsMutation } from "../graphql/update-notification-settings.mutation";

/** One line's triggers and "almost your turn" thresholds, and their update. */
export function useLineNotificationSettings(lineId: string) {
  const { data, loading, error, refetch } = useQuery(LineNotificationSettingsQuery, { variables: { lineId } });
  const [mutate, state] = useMutation(UpdateNotificationSettingsMutation);
  return {
    settings: data?.notificationSettings ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    update: (input: NotificationSettingsInput) => attempt(async () => (await mutate({ variables: { lineId, input } })).data?.updateNotificationSettings ?? null),
    saving: state.loading,
  };
}
