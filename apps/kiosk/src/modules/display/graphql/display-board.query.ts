import { graphql } from "../../../gql";

/**
 * With the device key (lines:read, display:read: numbers only, no personal data): per line, who is at which
 * counter and who is next. `$next` waiting tickets are read, more than the screen shows: lineUpdated events name
 * the front of the queue by ticket id, and these are the numbers to show for them (display-events.ts). `seq` is
 * the line's event number this read stands at.
 */
export const DisplayBoardQuery = graphql(`
  query DisplayBoard($tenantId: ID!, $next: Int!) {
    tenant(id: $tenantId) {
      id
      lines {
        id
        name
        prefix
        seq
        acceptingTickets
        waitingCount
        counters {
          id
          name
          isOpen
        }
        nowServing {
          ticketId
          number
          status
          counterId
          counterName
          calledAt
        }
        tickets(status: [WAITING], first: $next) {
          nodes {
            id
            number
          }
        }
      }
    }
  }
`);
