import { graphql } from "../../../gql";

export const CallNextMutation = graphql(`
  mutation CallNext($lineId: ID!, $counterId: ID) {
    callNext(lineId: $lineId, counterId: $counterId) {
      id
      number
      status
      position
      lineId
    }
  }
`);
