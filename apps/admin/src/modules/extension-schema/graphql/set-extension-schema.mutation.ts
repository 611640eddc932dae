import { graphql } from "../../../gql";

export const SetExtensionSchemaMutation = graphql(`
  mutation SetExtensionSchema($tenantId: ID!, $schema: JSON!) {
    setTicketExtensionSchema(tenantId: $tenantId, schema: $schema) {
      id
      ticketExtensionSchema
      ticketExtensionSchemaVersion
    }
  }
`);
