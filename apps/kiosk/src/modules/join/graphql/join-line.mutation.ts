import { graphql } from "../../../gql";

/** Public: join from your own phone; the answer is the ticket as its holder sees it. */
export const JoinLineMutation = graphql(`
  mutation JoinLine($input: JoinLineInput!) {
    joinLine(input: $input) {
      ...PublicTicketFields
    }
  }
`);
