import { graphql } from "../../../gql";

/** Public, no credentials: name, branding, suspension and the lines taking tickets now. */
export const TenantBySlugQuery = graphql(`
  query TenantBySlug($slug: String!) {
    tenantBySlug(slug: $slug) {
      id
      name
      slug
      suspended
      theme {
        logoUrl
        primaryColor
        accentColor
        fontFamily
      }
      lines {
        id
        name
        prefix
        waitingCount
        ticketTypes {
          id
          code
          name
        }
      }
    }
  }
`);
