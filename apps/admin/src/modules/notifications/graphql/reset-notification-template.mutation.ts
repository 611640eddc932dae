import { graphql } from "../../../gql";

export const ResetNotificationTemplateMutation = graphql(`
  mutation ResetNotificationTemplate($tenantId: ID!, $trigger: NotificationTrigger!, $channel: NotificationChannel!, $language: String!) {
    resetNotificationTemplate(tenantId: $tenantId, trigger: $trigger, channel: $channel, language: $language) {
      ...NotificationTemplateFields
    }
  }
`);
