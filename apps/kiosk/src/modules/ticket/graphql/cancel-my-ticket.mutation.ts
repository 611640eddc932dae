import { graphql } from "../../../gql";

export const CancelMyTicketMutation = graphql(`
  mutation CancelMyTicket($code: String!) {
    cancelMyTicket(code: $code) {
      ...PublicTicketFields
    }
  }
`);
