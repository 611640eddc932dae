import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import type { IssueTicketInput } from "../../../gql/graphql";
import { attempt } from "../../../lib/errors";
import { IssueWalkInMutation } from "../graphql/issue-walk-in.mutation";
import { WalkInFormQuery } from "../graphql/walk-in-form.query";

/** The walk-in form's data (the line's ticket types) and the issueTicket call. */
export function useWalkIn(lineId: string) {
  const { t } = useTranslation();
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
        if (!ticket) throw new Error(t("board.walkIn.noTicket"));
        return ticket;
      }),
    issuing: issueState.loading,
  };
}
