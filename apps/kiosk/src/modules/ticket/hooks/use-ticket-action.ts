import { useCallback, useState } from "react";
import { toProblem } from "../../../lib/errors";

export type ActionFailure = { kind: "no-longer-possible" } | { kind: "failed"; message: string };

/**
 * A holder's action on their ticket (cancel, running late). INVALID_TRANSITION means the ticket moved on
 * meanwhile (called, served, already used): say so and fetch the ticket as it is now.
 */
export function useTicketAction(run: () => Promise<unknown>, refetch: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const act = useCallback(async (): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await run();
      return true;
    } catch (e) {
      const problem = toProblem(e);
      if (problem.code === "INVALID_TRANSITION") {
        setFailure({ kind: "no-longer-possible" });
        refetch();
      } else {
        setFailure({ kind: "failed", message: problem.message });
      }
      return false;
    } finally {
      setBusy(false);
    }
  }, [run, refetch]);
  return { act, busy, failure };
}
