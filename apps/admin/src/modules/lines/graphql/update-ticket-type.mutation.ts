import { graphql } from "../../../gql";

export const UpdateTicketTypeMutation = graphql(`
  mutation UpdateTicketType($id: ID!, $input: UpdateTicketTypeInput!) {
    updateTicketType(id: $id, input: $input) {
      ...TicketTypeFields
    }
  }
`);
