import { graphql } from "../../../gql";

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($lineId: ID!) {
    rotateEstimatorWebhookSecret(lineId: $lineId) {
      secret
      line {
        id
        estimatorWebhookSecretSet
      }
    }
  }
`);
