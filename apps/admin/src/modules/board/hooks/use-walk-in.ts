import { useMutation, useQuery } from "@apollo/client/react";
import type { IssueTicketInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { IssueWalkInMutation } from "../graphql/issue-walk-in.mutation";
import { WalkInFormQuery } from "../graphql/walk-in-form.query";

/** The walk-in form's data (the line's ticket types) and the issueTicket call. */
export function useWalkIn(lineId: string) {
  const { data, loading, error, refetch } = useQuery(WalkInFormQuery, { variables: { lineId } });
  const [issueM, issueState] = useMutation(IssueWalkInMutation);
  return {
    ticketTypes: data?.line?.ticketTypes ?? null,
    allowedTicketTypeIds: data?.line?.allowedTicketTypeIds ?? [],
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
    issue: (input: IssueTicketInput) =>
      attempt(async () => {
        const ticket = (await issueM({ variables: { input } })).data?.issueTicket;
        if (!ticket) throw new Error("The server sent no ticket");
        return ticket;
      }),
    issuing: issueState.loading,
  };
}
