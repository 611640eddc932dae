import { graphql } from "../../../gql";

/** MANAGER+ opt in (or out) of the email sent when a ticket waits too long (TTL escalation). */
export const SetMyEscalationEmailsMutation = graphql(`
  mutation SetMyEscalationEmails($tenantId: ID!, $enabled: Boolean!) {
    setMyEscalationEmails(tenantId: $tenantId, enabled: $enabled)
  }
`);
