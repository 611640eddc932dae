import { graphql } from "../../../gql";

export const StartServingMutation = graphql(`
  mutation StartServing($id: ID!) {
    startServing(id: $id) {
      id
      number
      status
      position
      lineId
    }
  }
`);
