import { skipToken, useMutation, useQuery } from "@apollo/client/react";
import type { NotificationChannel, NotificationTemplateInput, NotificationTrigger } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { NotificationTemplatesQuery } from "../graphql/notification-templates.query";
import { PreviewNotificationTemplateQuery } from "../graphql/preview-notification-template.query";
import { ResetNotificationTemplateMutation } from "../graphql/reset-notification-template.mutation";
import { SetNotificationTemplateMutation } from "../graphql/set-notification-template.mutation";

/** The tenant's effective templates (its own or the default) with save and reset; both refresh the list. */
export function useNotificationTemplates(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(NotificationTemplatesQuery, { variables: { tenantId } });
  const refetchQueries = [{ query: NotificationTemplatesQuery, variables: { tenantId } }];
  const [setM, setState] = useMutation(SetNotificationTemplateMutation, { refetchQueries, awaitRefetchQueries: true });
  const [resetM, resetState] = useMutation(ResetNotificationTemplateMutation, { refetchQueries, awaitRefetchQueries: true });
  return {
    templates: data?.notificationTemplates ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    save: (input: NotificationTemplateInput) => attempt(async () => (await setM({ variables: { tenantId, input } })).data?.setNotificationTemplate ?? null),
    reset: (key: { trigger: NotificationTrigger; channel: NotificationChannel; language: string }) =>
      attempt(async () => (await resetM({ variables: { tenantId, ...key } })).data?.resetNotificationTemplate ?? null),
    saving: setState.loading,
    resetting: resetState.loading,
  };
}

/** The draft rendered by the API with sample values; `input` null skips (nothing to preview yet). */
export function useTemplatePreview(tenantId: string, input: NotificationTemplateInput | null) {
  const { data, previousData, error, loading } = useQuery(PreviewNotificationTemplateQuery, input ? { variables: { tenantId, input }, fetchPolicy: "network-only" } : skipToken);
  return { preview: (data ?? previousData)?.previewNotificationTemplate ?? null, error: input ? error : undefined, loading };
}
