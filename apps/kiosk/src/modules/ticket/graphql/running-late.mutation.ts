import { graphql } from "../../../gql";

/** The holder moves back `runningLatePlaces` places, once, while WAITING; INVALID_TRANSITION otherwise. */
export const RunningLateMutation = graphql(`
  mutation RunningLate($code: String!) {
    runningLate(code: $code) {
      ...PublicTicketFields
    }
  }
`);
