import { useMutation, useQuery } from "@apollo/client/react";
import { attempt } from "../../../lib/errors";
import { ApiKeysQuery } from "../graphql/api-keys.query";
import { CreateApiKeyMutation } from "../graphql/create-api-key.mutation";
import { RevokeApiKeyMutation } from "../graphql/revoke-api-key.mutation";

export function useApiKeys(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(ApiKeysQuery, { variables: { tenantId } });
  const [createMutation, createState] = useMutation(CreateApiKeyMutation);
  const [revokeMutation, revokeState] = useMutation(RevokeApiKeyMutation);
  return {
    keys: data?.tenant?.apiKeys ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    /** Resolves to the secret, which is never shown again. */
    create: (name: string, scopes: string[]) =>
      attempt(async () => {
        const result = await createMutation({ variables: { tenantId, name: name.trim(), scopes } });
        await refetch();
        return result.data?.createApiKey.secret ?? "";
      }),
    creating: createState.loading,
    revoke: (id: string) => attempt(() => revokeMutation({ variables: { id } })),
    revoking: revokeState.loading,
  };
}
