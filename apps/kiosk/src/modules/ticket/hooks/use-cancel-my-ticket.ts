import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { CancelMyTicketMutation } from "../graphql/cancel-my-ticket.mutation";
import { useTicketAction } from "./use-ticket-action";

/** The holder leaves the line; the answer updates the cached ticket (keyed by tracking code). */
export function useCancelMyTicket(code: string, refetch: () => void) {
  const [mutate] = useMutation(CancelMyTicketMutation);
  const run = useCallback(() => mutate({ variables: { code } }), [mutate, code]);
  return useTicketAction(run, refetch);
}
