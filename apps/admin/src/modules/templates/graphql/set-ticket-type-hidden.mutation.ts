import { graphql } from "../../../gql";

export const SetInheritedTicketTypeHiddenMutation = graphql(`
  mutation SetInheritedTicketTypeHidden($tenantId: ID!, $ticketTypeId: ID!, $hidden: Boolean!) {
    setInheritedTicketTypeHidden(tenantId: $tenantId, ticketTypeId: $ticketTypeId, hidden: $hidden) {
      id
    }
  }
`);
