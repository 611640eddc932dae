import { graphql } from "../../../gql";

/** The lines page: every line of the tenant with its configuration, counters and live numbers. */
export const LinesQuery = graphql(`
  query Lines($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      lines {
        ...LineFields
      }
      ticketTypes {
        ...TicketTypeFields
      }
    }
  }

  fragment LineFields on Line {
    id
    tenantId
    name
    prefix
    acceptingTickets
    remoteJoin
    joinUrl
    openNow
    capacity
    timeZone
    showEstimates
    estimator
    allowedTicketTypeIds
    openingHours {
      day
      opens
      closes
    }
    ttl {
      waitingSeconds
      calledSeconds
      warnSeconds
    }
    waitingCount
    counters {
      ...CounterFields
    }
  }

  fragment CounterFields on Counter {
    id
    lineId
    name
    isOpen
  }

  fragment TicketTypeFields on TicketType {
    id
    code
    name
    defaultServiceSeconds
  }
`);
