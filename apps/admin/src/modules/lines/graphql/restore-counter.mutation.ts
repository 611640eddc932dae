import { graphql } from "../../../gql";

export const RestoreCounterMutation = graphql(`
  mutation RestoreCounter($id: ID!) {
    restoreCounter(id: $id) {
      ...CounterFields
    }
  }
`);
