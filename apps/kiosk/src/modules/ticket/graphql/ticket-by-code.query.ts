import { graphql } from "../../../gql";

/** Public: the tracking code is the capability. */
export const TicketByCodeQuery = graphql(`
  query TicketByCode($code: String!) {
    ticketByCode(code: $code) {
      ...PublicTicketFields
    }
  }
`);
