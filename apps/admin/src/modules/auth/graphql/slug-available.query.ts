import { graphql } from "../../../gql";

export const SlugAvailableQuery = graphql(`
  query SlugAvailable($slug: String!) {
    slugAvailable(slug: $slug) {
      available
      reason
    }
  }
`);
