import { graphql } from "../../../gql";

/** Per change of the line: its number, the changed ticket, the line's new numbers and the first `$next` waiting tickets. */
export const LineUpdatedSubscription = graphql(`
  subscription LineUpdated($lineId: ID!, $next: Int!) {
    lineUpdated(lineId: $lineId) {
      kind
      lineId
      at
      seq
      ticket {
        id
        lineId
        number
        status
        position
        counter {
          id
          name
        }
      }
      stats {
        waitingCount
        nowServing {
          ticketId
          number
          status
          counterId
          counterName
          calledAt
        }
      }
      waiting(first: $next) {
        ticketId
      }
    }
  }
`);
