import { graphql } from "../../../gql";

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($lineId: ID!, $input: NotificationSettingsInput!) {
    updateNotificationSettings(lineId: $lineId, input: $input) {
      ...LineNotificationSettingsFields
    }
  }
`);
