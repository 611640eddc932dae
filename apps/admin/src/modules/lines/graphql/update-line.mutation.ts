import { graphql } from "../../../gql";

export const UpdateLineMutation = graphql(`
  mutation UpdateLine($id: ID!, $input: UpdateLineInput!) {
    updateLine(id: $id, input: $input) {
      ...LineFields
    }
  }
`);
