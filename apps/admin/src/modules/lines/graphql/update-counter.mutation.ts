import { graphql } from "../../../gql";

export const UpdateCounterMutation = graphql(`
  mutation UpdateCounter($id: ID!, $input: UpdateCounterInput!) {
    updateCounter(id: $id, input: $input) {
      ...CounterFields
    }
  }
`);
