import { graphql } from "../../../gql";

/** The "Join links & devices" page: the tenant's public links and each line's join link. */
export const JoinLinksQuery = graphql(`
  query JoinLinks($tenantId: ID!) {
    tenant(id: $tenantId) {
      id
      publicLinks {
        join
        kiosk
        display
      }
      lines {
        id
        name
        prefix
        remoteJoin
        joinUrl
      }
    }
  }
`);
