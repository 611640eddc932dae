import { graphql } from "../../../gql";

/**
 * What every page of a tenant needs: its identity, place in the tree, branding, and what the signed-in user may do
 * there (the API decides from its role matrix; the console only hides controls).
 */
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
    viewerPermissions(tenantId: $id) {
      tenantId
      role
      permissions
      grantableRoles
      grantableScopes
    }
  }
`);
