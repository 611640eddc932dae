import { graphql } from "../../../gql";

export const UnsubscribeTicketPushMutation = graphql(`
  mutation UnsubscribeTicketPush($code: String!) {
    unsubscribeTicketPush(code: $code) {
      ...PublicTicketFields
    }
  }
`);
