import { graphql } from "../../../gql";

export const CloseCounterMutation = graphql(`
  mutation CloseCounter($id: ID!) {
    closeCounter(id: $id) {
      ...CounterFields
    }
  }
`);
