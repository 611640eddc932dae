import { graphql } from "../../../gql";

/** A page of a tenant's subtree in tree order (the tenant switcher), optionally searched by name or slug. */
export const SubtenantsQuery = graphql(`
  query Subtenants($id: ID!, $search: String, $first: Int, $after: String) {
    tenant(id: $id) {
      id
      descendants(search: $search, first: $first, after: $after) {
        totalCount
        nodes {
          id
          name
          depth
          suspended
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
