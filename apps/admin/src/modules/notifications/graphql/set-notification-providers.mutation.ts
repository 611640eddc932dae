import { graphql } from "../../../gql";

export const SetNotificationProvidersMutation = graphql(`
  mutation SetNotificationProviders($tenantId: ID!, $input: NotificationProvidersInput!) {
    setNotificationProviders(tenantId: $tenantId, input: $input) {
      ...NotificationProvidersFields
    }
  }
`);
