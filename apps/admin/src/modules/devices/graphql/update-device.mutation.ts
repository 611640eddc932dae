import { graphql } from "../../../gql";

export const UpdateDeviceMutation = graphql(`
  mutation UpdateDevice($id: ID!, $input: UpdateDeviceInput!) {
    updateDevice(id: $id, input: $input) {
      ...DeviceFields
    }
  }
`);
