import { graphql } from "../../../gql";

/** A ticket as the board shows it: in the board query's lists and in each lineUpdated event. */
export const BoardTicketFragment = graphql(`
  fragment BoardTicket on Ticket {
    id
    number
    status
    position
    customerName
    phone
    partySize
    extensions
    channel
    ranLateAt
    joinedAt
    calledAt
    servedAt
    ticketType {
      id
      code
      name
    }
    counter {
      id
      name
    }
    estimate {
      p50Seconds
      p90Seconds
    }
  }
`);
