import { useMutation } from "@apollo/client/react";
import { useCallback } from "react";
import { RunningLateMutation } from "../graphql/running-late.mutation";
import { useTicketAction } from "./use-ticket-action";

/** "I'm running late": moves the holder back a few places, once; the answer updates the cached ticket. */
export function useRunningLate(code: string, refetch: () => void) {
  const [mutate] = useMutation(RunningLateMutation);
  const run = useCallback(() => mutate({ variables: { code } }), [mutate, code]);
  return useTicketAction(run, refetch);
}
