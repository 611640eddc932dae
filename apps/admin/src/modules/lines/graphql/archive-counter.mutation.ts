import { graphql } from "../../../gql";

export const ArchiveCounterMutation = graphql(`
  mutation ArchiveCounter($id: ID!) {
    archiveCounter(id: $id) {
      ...CounterFields
    }
  }
`);
