import { graphql } from "../../../gql";

/**
 * What the board applies from each change of the line (see live/apply-line-event.ts): the event's number, the
 * changed ticket as the board shows it, the line's new numbers and the front of the queue (as many places as the
 * board lists) with positions and estimates.
 */
export const LineUpdatedSubscription = graphql(`
  subscription LineUpdated($lineId: ID!) {
    lineUpdated(lineId: $lineId) {
      kind
      lineId
      at
      seq
      ticket {
        lineId
        ...BoardTicket
      }
      stats {
        waitingCount
        estimatedWaitSeconds
        nowServing {
          ticketId
          number
          status
          counterId
        }
      }
      waiting(first: 200) {
        ticketId
        position
        estimate {
          p50Seconds
          p90Seconds
        }
      }
    }
  }
`);
