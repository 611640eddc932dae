import { graphql } from "../../../gql";

/** Read when the walk-in form opens (not with the board): the ticket types the line accepts. */
export const WalkInFormQuery = graphql(`
  query WalkInForm($lineId: ID!) {
    line(id: $lineId) {
      id
      allowedTicketTypeIds
      ticketTypes {
        id
        code
        name
      }
    }
  }
`);
