import { graphql } from "../../../gql";

/** How the tenant's messages leave: never a secret, only whether one is configured. */
export const NotificationProvidersQuery = graphql(`
  query NotificationProviders($tenantId: ID!) {
    notificationProviders(tenantId: $tenantId) {
      ...NotificationProvidersFields
    }
  }

  fragment NotificationProvidersFields on NotificationProviders {
    smsRoute
    twilioConfigured
    twilioAccountSid
    twilioFrom
    webhookUrl
    webhookConfigured
    emailSenderName
    emailReplyTo
    platformSms
    platformEmail
  }
`);
