import { graphql } from "../../../gql";

export const UndoNoShowMutation = graphql(`
  mutation UndoNoShow($id: ID!) {
    undoNoShow(id: $id) {
      id
      number
      status
      position
      lineId
    }
  }
`);
