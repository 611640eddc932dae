import { graphql } from "../../../gql";

export const LineNotificationSettingsQuery = graphql(`
  query LineNotificationSettings($lineId: ID!) {
    notificationSettings(lineId: $lineId) {
      ...LineNotificationSettingsFields
    }
  }

  fragment LineNotificationSettingsFields on LineNotificationSettings {
    lineId
    joined
    almostThere
    almostTherePosition
    almostThereMinutes
    called
    noShow
    expired
    cancelled
  }
`);
