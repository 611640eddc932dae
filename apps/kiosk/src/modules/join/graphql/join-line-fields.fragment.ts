import { graphql } from "../../../gql";

/** A remote-join line as the join pages show it: joinable now or why not, and the wait for joining now. */
export const JoinLineFields = graphql(`
  fragment JoinLineFields on PublicJoinLine {
    id
    name
    prefix
    waitingCount
    joinable
    unavailableReason
    ticketTypes {
      id
      code
      name
    }
    estimate {
      p50Seconds
      p90Seconds
      basis
    }
  }
`);
