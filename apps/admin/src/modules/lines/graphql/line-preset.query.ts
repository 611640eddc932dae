import { graphql } from "../../../gql";

/** The line preset a tenant's new lines start from (its chain's templates; docs/chains.md). */
export const LinePresetQuery = graphql(`
  query LinePreset($id: ID!) {
    tenant(id: $id) {
      id
      templates {
        linePreset {
          field
          value
        }
      }
    }
  }
`);
