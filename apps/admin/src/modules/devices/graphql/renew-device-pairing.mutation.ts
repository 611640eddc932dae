import { graphql } from "../../../gql";

export const RenewDevicePairingMutation = graphql(`
  mutation RenewDevicePairing($id: ID!) {
    renewDevicePairing(id: $id) {
      pairingUrl
      expiresAt
      device {
        ...DeviceFields
      }
    }
  }
`);
