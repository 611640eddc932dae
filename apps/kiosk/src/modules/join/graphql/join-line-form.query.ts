import { graphql } from "../../../gql";

/** Public: one remote-join line (null when unknown or not taking remote joins) and the tenant's custom fields. */
export const JoinLineFormQuery = graphql(`
  query JoinLineForm($slug: String!, $lineId: ID!) {
    tenantBySlug(slug: $slug) {
      id
      ticketExtensionSchema
      joinLine(id: $lineId) {
        ...JoinLineFields
      }
    }
  }
`);
