import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import type { IssueTicketInput, IssueTicketMutation as IssueTicketResult } from "../../../gql/graphql";
import { useIdempotentSubmit, type SubmitState } from "../../ticket-form/hooks/use-idempotent-submit";
import { IssueTicketMutation } from "../graphql/issue-ticket.mutation";

export type IssuedTicket = IssueTicketResult["issueTicket"];
export type IssueState = SubmitState;

type Input = Omit<IssueTicketInput, "idempotencyKey" | "channel">;

/** The kiosk's "get my ticket": one tap, one idempotency key (see useIdempotentSubmit). */
export function useIssueTicket(onIssued: (ticket: IssuedTicket) => void) {
  const [mutate] = useMutation(IssueTicketMutation);
  const send = useCallback(
    async (input: Input & { idempotencyKey: string }) => {
      // Tickets record how they were issued; a device key would otherwise be counted as a partner's API.
      const result = await mutate({ variables: { input: { ...input, channel: "KIOSK" } } });
      const ticket = result.data?.issueTicket;
      if (!ticket) throw new Error("No ticket in the answer");
      return ticket;
    },
    [mutate],
  );
  const { state, submit, retry, abandon } = useIdempotentSubmit(send, onIssued);
  return { state, issue: submit, retry, abandon };
}
