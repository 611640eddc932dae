import { graphql } from "../../../gql";

export const CreateLineMutation = graphql(`
  mutation CreateLine($input: CreateLineInput!) {
    createLine(input: $input) {
      ...LineFields
    }
  }
`);
