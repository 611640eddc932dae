import { graphql } from "../../../gql";

/**
 * Only the ticket's own fields: the answer to an issued ticket must not fail on a related object. Not its
 * `estimate`: that is the staff view (shown even when the line hides estimates); the ticket card reads the
 * customer's view through ticketByCode instead.
 */
export const IssueTicketMutation = graphql(`
  mutation IssueTicket($input: IssueTicketInput!) {
    issueTicket(input: $input) {
      id
      number
      trackingCode
      status
      position
      lineId
      partySize
      createdAt
    }
  }
`);
