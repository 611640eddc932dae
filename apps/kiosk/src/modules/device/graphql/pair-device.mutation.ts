import { graphql } from "../../../gql";

/** Public: a pairing link's token for this device's own API key (once), and where the device belongs. */
export const PairDeviceMutation = graphql(`
  mutation PairDevice($token: String!) {
    pairDevice(token: $token) {
      deviceId
      kind
      tenantSlug
      apiKey
    }
  }
`);
