import { useMutation } from "@apollo/client/react";
import { useCallback, useState } from "react";
import { toProblem } from "../../../lib/errors";
import { CancelMyTicketMutation } from "../graphql/cancel-my-ticket.mutation";

/** The holder leaves the line; the answer updates the cached ticket (keyed by tracking code). */
export function useCancelMyTicket(code: string) {
  const [mutate, { loading }] = useMutation(CancelMyTicketMutation);
  const [error, setError] = useState<string | null>(null);
  const cancel = useCallback(async (): Promise<boolean> => {
    setError(null);
    try {
      await mutate({ variables: { code } });
      return true;
    } catch (e) {
      setError(toProblem(e).message);
      return false;
    }
  }, [mutate, code]);
  return { cancel, cancelling: loading, error };
}
