import { graphql } from "../../../gql";

export const ExtensionSchemaQuery = graphql(`
  query ExtensionSchema($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      name
      ticketExtensionSchema
      ticketExtensionSchemaVersion
    }
  }
`);
