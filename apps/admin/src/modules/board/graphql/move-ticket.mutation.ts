import { graphql } from "../../../gql";

export const MoveTicketMutation = graphql(`
  mutation MoveTicket($id: ID!, $position: Int!) {
    moveTicket(id: $id, position: $position) {
      id
      number
      status
      position
      lineId
    }
  }
`);
