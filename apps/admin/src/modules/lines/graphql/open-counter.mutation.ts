import { graphql } from "../../../gql";

export const OpenCounterMutation = graphql(`
  mutation OpenCounter($id: ID!) {
    openCounter(id: $id) {
      ...CounterFields
    }
  }
`);
