import { graphql } from "../../../gql";

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      memberships {
        role
        suspended
        tenant {
          id
          name
          slug
          depth
          accountId
        }
      }
    }
    accounts {
      id
      name
      ownerUserId
    }
  }
`);
