import { graphql } from "../../../gql";

export const CreateTicketTypeMutation = graphql(`
  mutation CreateTicketType($input: CreateTicketTypeInput!) {
    createTicketType(input: $input) {
      ...TicketTypeFields
    }
  }
`);
