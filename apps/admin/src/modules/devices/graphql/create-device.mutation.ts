import { graphql } from "../../../gql";

export const CreateDeviceMutation = graphql(`
  mutation CreateDevice($tenantId: ID!, $input: CreateDeviceInput!) {
    createDevice(tenantId: $tenantId, input: $input) {
      pairingUrl
      expiresAt
      device {
        ...DeviceFields
      }
    }
  }
`);
