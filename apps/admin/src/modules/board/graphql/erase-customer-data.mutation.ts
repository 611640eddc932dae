import { graphql } from "../../../gql";

export const EraseCustomerDataMutation = graphql(`
  mutation EraseCustomerData($ticketId: ID!) {
    eraseCustomerData(ticketId: $ticketId) {
      id
      customerName
      phone
      email
      extensions
      cancelReason
      personalDataErasedAt
      notify
      notifications {
        ...NotificationFields
      }
    }
  }
`);
