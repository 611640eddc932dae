import { graphql } from "../../../gql";

export const SubscribeTicketPushMutation = graphql(`
  mutation SubscribeTicketPush($code: String!, $subscription: JSON!) {
    subscribeTicketPush(code: $code, subscription: $subscription) {
      ...PublicTicketFields
    }
  }
`);
