import { graphql } from "../../../gql";

/** What every page of a tenant needs: its identity, place in the tree (for the role) and branding. */
export const TenantShellQuery = graphql(`
  query TenantShell($id: ID!) {
    tenant(id: $id) {
      id
      name
      slug
      depth
      accountId
      suspended
      deletionScheduledAt
      ancestors {
        id
        name
      }
      theme {
        primaryColor
        accentColor
        logoUrl
        fontFamily
      }
    }
  }
`);
