import { graphql } from "../../../gql";

export const CallTicketMutation = graphql(`
  mutation CallTicket($id: ID!, $counterId: ID) {
    callTicket(id: $id, counterId: $counterId) {
      id
      number
      status
      position
      lineId
    }
  }
`);
