import { graphql } from "../../../gql";

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($tenantId: ID!, $name: String!, $scopes: [String!]!) {
    createApiKey(tenantId: $tenantId, name: $name, scopes: $scopes) {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);
