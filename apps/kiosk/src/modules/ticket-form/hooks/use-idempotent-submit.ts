import { useCallback, useRef, useState } from "react";
import { isRetryable, toProblem, type Problem } from "../../../lib/errors";
import { newIdempotencyKey } from "../../../lib/idempotency";

export type SubmitState =
  | { kind: "idle" }
  | { kind: "sending" }
  /** No answer: the ticket may exist. Only `retry()` (same key, same input) or `abandon()` are offered. */
  | { kind: "network-error"; problem: Problem }
  | { kind: "rejected"; problem: Problem };

/**
 * One tap = one idempotency key. A network error keeps the key and the exact input so "try again" cannot create
 * a second ticket; an answer from the server (ticket or error) ends the attempt. Used by the kiosk's issueTicket
 * and the phone's joinLine.
 */
export function useIdempotentSubmit<Input extends object, Result>(
  send: (input: Input & { idempotencyKey: string }) => Promise<Result>,
  onDone: (result: Result) => void,
) {
  const [state, setState] = useState<SubmitState>({ kind: "idle" });
  const pending = useRef<(Input & { idempotencyKey: string }) | null>(null);
  const inFlight = useRef(false);

  const attempt = useCallback(
    async (input: Input & { idempotencyKey: string }) => {
      if (inFlight.current) return; // a double tap while sending is the same tap
      inFlight.current = true;
      pending.current = input;
      setState({ kind: "sending" });
      try {
        const result = await send(input);
        pending.current = null;
        setState({ kind: "idle" });
        onDone(result);
      } catch (error) {
        const problem = toProblem(error);
        if (isRetryable(problem)) {
          setState({ kind: "network-error", problem });
        } else {
          pending.current = null;
          setState({ kind: "rejected", problem });
        }
      } finally {
        inFlight.current = false;
      }
    },
    [send, onDone],
  );

  const submit = useCallback((input: Input) => attempt({ ...input, idempotencyKey: newIdempotencyKey() }), [attempt]);
  const retry = useCallback(() => {
    if (pending.current) void attempt(pending.current);
  }, [attempt]);
  const abandon = useCallback(() => {
    pending.current = null;
    setState({ kind: "idle" });
  }, []);

  return { state, submit, retry, abandon };
}
