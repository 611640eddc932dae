import { graphql } from "../../../gql";

/** Only the ticket's own fields: the answer to an issued ticket must not fail on a related object. */
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
      estimate {
        p50Seconds
        p90Seconds
      }
    }
  }
`);
