import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { attempt, type Problem } from "../../../lib/errors";
import { CloseCounterMutation } from "../../lines/graphql/close-counter.mutation";
import { OpenCounterMutation } from "../../lines/graphql/open-counter.mutation";
import { CallNextMutation } from "../graphql/call-next.mutation";
import { CallTicketMutation } from "../graphql/call-ticket.mutation";
import { CancelTicketMutation } from "../graphql/cancel-ticket.mutation";
import { CompleteTicketMutation } from "../graphql/complete-ticket.mutation";
import { MarkNoShowMutation } from "../graphql/mark-no-show.mutation";
import { MoveTicketMutation } from "../graphql/move-ticket.mutation";
import { RequeueTicketMutation } from "../graphql/requeue-ticket.mutation";
import { StartServingMutation } from "../graphql/start-serving.mutation";
import { TransferTicketMutation } from "../graphql/transfer-ticket.mutation";
import { UndoNoShowMutation } from "../graphql/undo-no-show.mutation";

export interface TicketActions {
  callNext(counterId: string | null): Promise<{ number: string } | null | undefined>;
  call(id: string, counterId: string | null): Promise<void>;
  startServing(id: string): Promise<void>;
  /** From SERVING; from CALLED it starts serving first (the API's state machine goes CALLED → SERVING → SERVED). */
  complete(id: string, status?: string): Promise<void>;
  /** True when the ticket is now a no-show (the board then offers Undo). */
  noShow(id: string): Promise<boolean>;
  /** Back to waiting at its old place (within the API's 5-minute window); true when it worked. */
  undoNoShow(id: string): Promise<boolean>;
  requeue(id: string): Promise<void>;
  cancel(id: string, reason: string | null): Promise<void>;
  transfer(id: string, lineId: string): Promise<void>;
  move(id: string, position: number): Promise<void>;
  /** Staff open and close their own counter; callNext refuses a closed one. */
  setCounterOpen(counterId: string, open: boolean): Promise<void>;
  /** The ticket (or "next") an action is running for. */
  pending: string | null;
  problem: Problem | null;
  clearProblem(): void;
}

/**
 * Staff actions. A success shows on the board through the action's lineUpdated event (applied like everyone
 * else's, shortly after the answer); a failure re-reads the board, since it means the board was behind the
 * server (another staff member may have acted first: INVALID_TRANSITION).
 */
export function useTicketActions(lineId: string, refetch: () => Promise<unknown>): TicketActions {
  const [callNextM] = useMutation(CallNextMutation);
  const [callM] = useMutation(CallTicketMutation);
  const [startM] = useMutation(StartServingMutation);
  const [completeM] = useMutation(CompleteTicketMutation);
  const [noShowM] = useMutation(MarkNoShowMutation);
  const [undoNoShowM] = useMutation(UndoNoShowMutation);
  const [requeueM] = useMutation(RequeueTicketMutation);
  const [cancelM] = useMutation(CancelTicketMutation);
  const [transferM] = useMutation(TransferTicketMutation);
  const [moveM] = useMutation(MoveTicketMutation);
  const [openCounterM] = useMutation(OpenCounterMutation);
  const [closeCounterM] = useMutation(CloseCounterMutation);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function run<T>(key: string, fn: () => Promise<T>): Promise<T | undefined> {
    setPending(key);
    setProblem(null);
    const result = await attempt(fn);
    if (!result.ok) await refetch().catch(() => undefined);
    setPending(null);
    if (!result.ok) {
      setProblem(result.problem);
      return undefined;
    }
    return result.value;
  }

  return {
    callNext: (counterId) => run("next", async () => (await callNextM({ variables: { lineId, counterId } })).data?.callNext ?? null),
    call: async (id, counterId) => void (await run(id, () => callM({ variables: { id, counterId } }))),
    startServing: async (id) => void (await run(id, () => startM({ variables: { id } }))),
    complete: async (id, status) =>
      void (await run(id, async () => {
        if (status === "CALLED") await startM({ variables: { id } });
        return completeM({ variables: { id } });
      })),
    noShow: async (id) => (await run(id, () => noShowM({ variables: { id } }))) !== undefined,
    undoNoShow: async (id) => (await run(id, () => undoNoShowM({ variables: { id } }))) !== undefined,
    requeue: async (id) => void (await run(id, () => requeueM({ variables: { id } }))),
    cancel: async (id, reason) => void (await run(id, () => cancelM({ variables: { id, reason } }))),
    transfer: async (id, targetLineId) => void (await run(id, () => transferM({ variables: { id, lineId: targetLineId } }))),
    move: async (id, position) => void (await run(id, () => moveM({ variables: { id, position } }))),
    setCounterOpen: async (counterId, open) =>
      void (await run(`counter:${counterId}`, async () => void (open ? await openCounterM({ variables: { id: counterId } }) : await closeCounterM({ variables: { id: counterId } })))),
    pending,
    problem,
    clearProblem: () => setProblem(null),
  };
}
