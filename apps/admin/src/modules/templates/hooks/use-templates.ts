import { useMutation, useQuery } from "@apollo/client/react";
import type { LinePresetInput, TemplateKind, ThemeInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { ResetTemplateFieldMutation } from "../graphql/reset-template-field.mutation";
import { SetLinePresetMutation } from "../graphql/set-line-preset.mutation";
import { SetTemplateThemeMutation } from "../graphql/set-theme.mutation";
import { SetInheritedTicketTypeHiddenMutation } from "../graphql/set-ticket-type-hidden.mutation";
import { TenantTemplatesQuery } from "../graphql/tenant-templates.query";

/** A tenant's templates and the changes the Templates page makes; every change re-reads the effective values. */
export function useTemplates(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(TenantTemplatesQuery, { variables: { id: tenantId } });
  const refetchQueries = [{ query: TenantTemplatesQuery, variables: { id: tenantId } }];
  const [setPreset, presetState] = useMutation(SetLinePresetMutation, { refetchQueries, awaitRefetchQueries: true });
  const [setTheme, themeState] = useMutation(SetTemplateThemeMutation, { refetchQueries, awaitRefetchQueries: true });
  const [reset, resetState] = useMutation(ResetTemplateFieldMutation, { refetchQueries, awaitRefetchQueries: true });
  const [setHidden, hiddenState] = useMutation(SetInheritedTicketTypeHiddenMutation, { refetchQueries, awaitRefetchQueries: true });
  return {
    tenant: data?.tenant ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    saving: presetState.loading || themeState.loading || resetState.loading || hiddenState.loading,
    saveLinePreset: (input: LinePresetInput) => attempt(async () => (await setPreset({ variables: { tenantId, input } })).data),
    saveTheme: (theme: ThemeInput) => attempt(async () => (await setTheme({ variables: { id: tenantId, theme } })).data),
    resetField: (template: TemplateKind, field: string) => attempt(async () => (await reset({ variables: { tenantId, template, field } })).data),
    setTicketTypeHidden: (ticketTypeId: string, hidden: boolean) => attempt(async () => (await setHidden({ variables: { tenantId, ticketTypeId, hidden } })).data),
  };
}
