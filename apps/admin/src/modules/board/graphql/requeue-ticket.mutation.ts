import { graphql } from "../../../gql";

export const RequeueTicketMutation = graphql(`
  mutation RequeueTicket($id: ID!) {
    requeueTicket(id: $id) {
      id
      number
      status
      position
      lineId
    }
  }
`);
