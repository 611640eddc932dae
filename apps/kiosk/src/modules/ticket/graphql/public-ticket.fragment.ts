import { graphql } from "../../../gql";

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
  }
`);
