import { graphql } from "../../../gql";

/** Every trigger × channel × language: the tenant's own template or the default (isDefault). */
export const NotificationTemplatesQuery = graphql(`
  query NotificationTemplates($tenantId: ID!) {
    notificationTemplates(tenantId: $tenantId) {
      ...NotificationTemplateFields
    }
  }

  fragment NotificationTemplateFields on NotificationTemplate {
    trigger
    channel
    language
    subject
    body
    isDefault
    variables
  }
`);
