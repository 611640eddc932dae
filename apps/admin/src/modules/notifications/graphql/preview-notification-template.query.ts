import { graphql } from "../../../gql";

/** The draft rendered with sample values, before it is saved. */
export const PreviewNotificationTemplateQuery = graphql(`
  query PreviewNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {
    previewNotificationTemplate(tenantId: $tenantId, input: $input) {
      subject
      body
    }
  }
`);
