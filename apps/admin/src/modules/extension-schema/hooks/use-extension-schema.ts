import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../../lib/errors";
import { ExtensionSchemaQuery } from "../graphql/extension-schema.query";
import { SetExtensionSchemaMutation } from "../graphql/set-extension-schema.mutation";

export function useExtensionSchema(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(ExtensionSchemaQuery, { variables: { tenantId } });
  const [mutate, state] = useMutation(SetExtensionSchemaMutation);
  return {
    schema: data?.tenant?.ticketExtensionSchema ?? null,
    version: data?.tenant?.ticketExtensionSchemaVersion ?? null,
    loaded: Boolean(data?.tenant),
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    save: (schema: Record<string, unknown>) => attempt(async () => void (await mutate({ variables: { tenantId, schema } }))),
    saving: state.loading,
  };
}
