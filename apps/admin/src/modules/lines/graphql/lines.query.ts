import { graphql } from "../../../gql";

/**
 * The lines page: every line of the tenant with its configuration, counters and live numbers. With
 * includeArchived (the lines page), archived lines, counters and ticket types too, to restore them.
 */
export const LinesQuery = graphql(`
  query Lines($tenantId: ID!, $includeArchived: Boolean! = false) {
    tenant(id: $tenantId) {
      id
      lines(includeArchived: $includeArchived) {
        ...LineFields
        allCounters: counters(includeArchived: $includeArchived) {
          ...CounterFields
        }
      }
      ticketTypes(includeArchived: $includeArchived) {
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
    estimatorOptions
    estimatorWebhookSecretSet
    archivedAt
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
    archivedAt
  }

  fragment TicketTypeFields on TicketType {
    id
    tenantId
    code
    name
    defaultServiceSeconds
    archivedAt
  }
`);
