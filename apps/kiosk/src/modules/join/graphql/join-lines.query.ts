import { graphql } from "../../../gql";

/** Public: every line of the tenant that takes remote joins, joinable now or not. */
export const JoinLinesQuery = graphql(`
  query JoinLines($slug: String!) {
    tenantBySlug(slug: $slug) {
      id
      joinLines {
        ...JoinLineFields
      }
    }
  }
`);
