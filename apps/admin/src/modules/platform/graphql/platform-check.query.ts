import { graphql } from "../../../gql";

/** Succeeds only for platform administrators (FORBIDDEN for everyone else). */
export const PlatformCheckQuery = graphql(`
  query PlatformCheck {
    platformAccounts {
      id
    }
  }
`);
