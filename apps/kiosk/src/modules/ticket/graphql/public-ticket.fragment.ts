import { graphql } from "../../../gql";

/** The ticket as its holder sees it; `estimate` is null when the line hides it or the ticket is not WAITING. */
export const PublicTicketFields = graphql(`
  fragment PublicTicketFields on PublicTicket {
    trackingCode
    number
    status
    position
    lineId
    lineName
    counterName
    createdAt
    calledAt
    servedAt
    completedAt
    endedAt
    channel
    tenantSlug
    ranLateAt
    canRunLate
    runningLatePlaces
    pushEnabled
    estimate {
      p50Seconds
      p90Seconds
      basis
    }
  }
`);
