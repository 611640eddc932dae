import { graphql } from "../../../gql";

/** The Devices page: the tenant's kiosks and displays, and its lines to point them at. */
export const DevicesQuery = graphql(`
  query Devices($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      devices {
        ...DeviceFields
      }
      lines {
        id
        name
      }
    }
  }

  fragment DeviceFields on Device {
    id
    tenantId
    name
    kind
    lineIds
    message
    createdAt
    pairedAt
    lastSeenAt
    pairingExpiresAt
    revokedAt
  }
`);
