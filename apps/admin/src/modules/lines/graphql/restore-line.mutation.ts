import { graphql } from "../../../gql";

export const RestoreLineMutation = graphql(`
  mutation RestoreLine($id: ID!) {
    restoreLine(id: $id) {
      ...LineFields
    }
  }
`);
