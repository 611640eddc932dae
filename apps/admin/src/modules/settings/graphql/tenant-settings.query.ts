import { graphql } from "../../../gql";

export const TenantSettingsQuery = graphql(`
  query TenantSettings($id: ID!) {
    tenant(id: $id) {
      ...TenantSettingsFields
    }
  }

  fragment TenantSettingsFields on Tenant {
    id
    name
    slug
    location {
      address
      latitude
      longitude
      insideTenantId
    }
    theme {
      primaryColor
      accentColor
      logoUrl
      fontFamily
    }
    settings
    effectiveSettings
    retentionDays
    deletionScheduledAt
    ancestors {
      id
      name
      settings
    }
  }
`);
