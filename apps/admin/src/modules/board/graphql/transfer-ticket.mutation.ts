import { graphql } from "../../../gql";

export const TransferTicketMutation = graphql(`
  mutation TransferTicket($id: ID!, $lineId: ID!) {
    transferTicket(id: $id, lineId: $lineId) {
      id
      number
      status
      position
      lineId
    }
  }
`);
