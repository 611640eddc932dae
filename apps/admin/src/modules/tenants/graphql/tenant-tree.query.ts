import { graphql } from "../../../gql";

/**
 * The subtree under a tenant, five levels deep in one round trip; deeper nodes say they have children
 * (`children { id }`) and open as their own tree.
 */
export const TenantTreeQuery = graphql(`
  query TenantTree($id: ID!) {
    tenant(id: $id) {
      ...TreeNode
      children {
        ...TreeNode
        children {
          ...TreeNode
          children {
            ...TreeNode
            children {
              ...TreeNode
              children {
                ...TreeNode
                children {
                  id
                }
              }
            }
          }
        }
      }
    }
  }

  fragment TreeNode on Tenant {
    id
    name
    slug
    depth
    suspended
    location {
      address
    }
  }
`);
