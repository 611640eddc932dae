import { graphql } from "../../../gql";

export const MarkNoShowMutation = graphql(`
  mutation MarkNoShow($id: ID!) {
    markNoShow(id: $id) {
      id
      number
      status
      position
      lineId
    }
  }
`);
