import { graphql } from "../../../gql";

/** One delivery as the log shows it: the ticket's details dialog and the tenant's Notifications page. */
export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    ticketId
    lineId
    trigger
    channel
    provider
    status
    attempts
    recipient
    subject
    lastError
    createdAt
    sentAt
    nextAttemptAt
  }
`);
