import { graphql } from "../../../gql";

export const RevokeDeviceMutation = graphql(`
  mutation RevokeDevice($id: ID!) {
    revokeDevice(id: $id) {
      ...DeviceFields
    }
  }
`);
