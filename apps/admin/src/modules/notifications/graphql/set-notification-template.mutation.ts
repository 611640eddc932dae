import { graphql } from "../../../gql";

export const SetNotificationTemplateMutation = graphql(`
  mutation SetNotificationTemplate($tenantId: ID!, $input: NotificationTemplateInput!) {
    setNotificationTemplate(tenantId: $tenantId, input: $input) {
      ...NotificationTemplateFields
    }
  }
`);
