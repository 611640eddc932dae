import { graphql } from "../../../gql";

export const ApiKeysQuery = graphql(`
  query ApiKeys($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      apiKeys {
        ...ApiKeyFields
      }
    }
  }

  fragment ApiKeyFields on ApiKey {
    id
    tenantId
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`);
