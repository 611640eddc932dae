import { graphql } from "../../../gql";

export const CancelTicketMutation = graphql(`
  mutation CancelTicket($id: ID!, $reason: String) {
    cancelTicket(id: $id, reason: $reason) {
      id
      number
      status
      position
      lineId
    }
  }
`);
