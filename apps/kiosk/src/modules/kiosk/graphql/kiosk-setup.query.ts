import { graphql } from "../../../gql";

/**
 * With the device key: the tenant's custom-fields schema. Also proves that the key belongs to this tenant
 * (NOT_FOUND / FORBIDDEN / UNAUTHENTICATED otherwise), and the paired device's lines (none: every line).
 */
export const KioskSetupQuery = graphql(`
  query KioskSetup($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      ticketExtensionSchema
      ticketExtensionSchemaVersion
    }
    currentDevice {
      id
      lineIds
    }
  }
`);
