import { graphql } from "../../../gql";

/** With the device key (lines:read, display:read: numbers only, no personal data): per line, who is at which counter and who is next. */
export const DisplayBoardQuery = graphql(`
  query DisplayBoard($tenantId: ID!, $next: Int!) {
    tenant(id: $tenantId) {
      id
      lines {
        id
        name
        prefix
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
