import { graphql } from "../../../gql";

export const LineUpdatedSubscription = graphql(`
  subscription LineUpdated($lineId: ID!) {
    lineUpdated(lineId: $lineId) {
      kind
      lineId
      at
      ticket {
        id
        number
        status
      }
      stats {
        waitingCount
      }
    }
  }
`);
