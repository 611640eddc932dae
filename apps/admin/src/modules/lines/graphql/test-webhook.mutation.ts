import { graphql } from "../../../gql";

export const TestWebhookMutation = graphql(`
  mutation TestWebhook($lineId: ID!, $url: String, $timeoutMs: Int) {
    testEstimatorWebhook(lineId: $lineId, url: $url, timeoutMs: $timeoutMs) {
      ok
      httpStatus
      latencyMs
      problem
    }
  }
`);
