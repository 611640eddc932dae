import { graphql } from "../../../gql";

/** A tenant's chain templates: each inheritable field's effective value and the tenant it comes from. */
export const TenantTemplatesQuery = graphql(`
  query TenantTemplates($id: ID!) {
    tenant(id: $id) {
      id
      name
      templates {
        theme {
          field
          value
          overridden
          source {
            id
            name
          }
        }
        linePreset {
          field
          value
          overridden
          source {
            id
            name
          }
        }
        extensionSchema {
          version
          overridden
          source {
            id
            name
          }
        }
        ticketTypes {
          id
          code
          name
          inherited
          hidden
          archivedAt
          source {
            id
            name
          }
        }
      }
    }
  }
`);
