import { graphql } from "../../../gql";

export const RestoreTicketTypeMutation = graphql(`
  mutation RestoreTicketType($id: ID!) {
    restoreTicketType(id: $id) {
      ...TicketTypeFields
    }
  }
`);
