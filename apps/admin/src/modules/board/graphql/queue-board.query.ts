import { graphql } from "../../../gql";

/**
 * Everything the board shows for one line: the waiting list in queue order, the called/serving tickets, the
 * counters, the other lines (transfer targets) and the extension schema (field labels). `seq` is the line's event
 * number this read stands at: lineUpdated events after it are applied to this query's cache entry.
 */
export const QueueBoardQuery = graphql(`
  query QueueBoard($lineId: ID!) {
    line(id: $lineId) {
      id
      tenantId
      name
      prefix
      seq
      acceptingTickets
      openNow
      showEstimates
      waitingCount
      estimatedWaitSeconds
      ttl {
        waitingSeconds
        calledSeconds
        warnSeconds
      }
      counters {
        id
        name
        isOpen
      }
      waiting: tickets(status: [WAITING], first: 200) {
        nodes {
          ...BoardTicket
        }
        pageInfo {
          hasNextPage
        }
      }
      active: tickets(status: [CALLED, SERVING], first: 100) {
        nodes {
          ...BoardTicket
        }
      }
      tenant {
        id
        ticketExtensionSchema
        lines {
          id
          name
          prefix
        }
      }
    }
  }
`);
