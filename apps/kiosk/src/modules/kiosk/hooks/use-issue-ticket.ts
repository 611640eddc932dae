import { useMutation } from "@apollo/client/react";
import { useCallback, useRef, useState } from "react";
import type { IssueTicketInput, IssueTicketMutation as IssueTicketResult } from "../../../gql/graphql";
import { isRetryable, toProblem, type Problem } from "../../../lib/errors";
import { newIdempotencyKey } from "../../../lib/idempotency";
import { IssueTicketMutation } from "../graphql/issue-ticket.mutation";

export type IssuedTicket = IssueTicketResult["issueTicket"];

export type IssueState =
  | { kind: "idle" }
  | { kind: "sending" }
  /** No answer: the ticket may exist. Only `retry()` (same key, same input) or `abandon()` are offered. */
  | { kind: "network-error"; problem: Problem }
  | { kind: "rejected"; problem: Problem };

type Input = Omit<IssueTicketInput, "idempotencyKey">;

/**
 * One tap = one idempotency key. A network error keeps the key and the exact input so "try again" cannot create
 * a second ticket; an answer from the server (ticket or error) ends the attempt.
 */
export function useIssueTicket(onIssued: (ticket: IssuedTicket) => void) {
  const [mutate] = useMutation(IssueTicketMutation);
  const [state, setState] = useState<IssueState>({ kind: "idle" });
  const pending = useRef<IssueTicketInput | null>(null);
  const inFlight = useRef(false);

  const send = useCallback(
    async (input: IssueTicketInput) => {
      if (inFlight.current) return; // a double tap while sending is the same tap
      inFlight.current = true;
      pending.current = input;
      setState({ kind: "sending" });
      try {
        const result = await mutate({ variables: { input } });
        const ticket = result.data?.issueTicket;
        if (!ticket) throw new Error("No ticket in the answer");
        pending.current = null;
        setState({ kind: "idle" });
        onIssued(ticket);
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
    [mutate, onIssued],
  );

  const issue = useCallback((input: Input) => send({ ...input, idempotencyKey: newIdempotencyKey() }), [send]);
  const retry = useCallback(() => {
    if (pending.current) void send(pending.current);
  }, [send]);
  const abandon = useCallback(() => {
    pending.current = null;
    setState({ kind: "idle" });
  }, []);

  return { state, issue, retry, abandon };
}
