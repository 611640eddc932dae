import { graphql } from "../../../gql";

/** Every status or position change of one ticket; normalised by trackingCode, so the query above updates too. */
export const TicketUpdatedSubscription = graphql(`
  subscription TicketUpdated($code: String!) {
    ticketUpdated(code: $code) {
      ...PublicTicketFields
    }
  }
`);
