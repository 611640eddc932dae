import { graphql } from "../../../gql";

/** Staff add a walk-in: issueTicket with channel STAFF as the signed-in staff member. */
export const IssueWalkInMutation = graphql(`
  mutation IssueWalkIn($input: IssueTicketInput!) {
    issueTicket(input: $input) {
      id
      number
      status
      position
      lineId
      channel
    }
  }
`);
