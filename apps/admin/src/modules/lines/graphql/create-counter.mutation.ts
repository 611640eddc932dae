import { graphql } from "../../../gql";

export const CreateCounterMutation = graphql(`
  mutation CreateCounter($input: CreateCounterInput!) {
    createCounter(input: $input) {
      ...CounterFields
    }
  }
`);
