import { graphql } from "../../../gql";

export const CompleteTicketMutation = graphql(`
  mutation CompleteTicket($id: ID!) {
    completeTicket(id: $id) {
      id
      number
      status
      position
      lineId
    }
  }
`);
