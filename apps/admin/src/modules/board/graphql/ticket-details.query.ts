import { graphql } from "../../../gql";

export const TicketDetailsQuery = graphql(`
  query TicketDetails($id: ID!) {
    ticket(id: $id) {
      id
      number
      status
      customerName
      phone
      email
      channel
      ranLateAt
      partySize
      extensions
      extensionSchemaVersion
      cancelReason
      joinedAt
      calledAt
      servedAt
      completedAt
      endedAt
      personalDataErasedAt
      ticketType {
        id
        name
      }
      counter {
        id
        name
      }
      notify
      notifications {
        ...NotificationFields
      }
      history {
        id
        kind
        fromStatus
        toStatus
        actorType
        at
      }
    }
  }
`);
