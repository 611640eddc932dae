import { graphql } from "../../../gql";

/** The embedded dev SMTP/SMS sinks' messages for this tenant; an error when the sinks are not running. */
export const DevMailboxQuery = graphql(`
  query DevMailbox($tenantId: ID!) {
    devMailbox(tenantId: $tenantId) {
      id
      kind
      to
      subject
      body
      receivedAt
    }
  }
`);
