import { graphql } from "../../../gql";

export const ArchiveTicketTypeMutation = graphql(`
  mutation ArchiveTicketType($id: ID!) {
    archiveTicketType(id: $id) {
      ...TicketTypeFields
    }
  }
`);
