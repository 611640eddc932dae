import { useApolloClient, useQuery } from "@apollo/client/react";
import { isNetworkRequestInFlight } from "@apollo/client/utilities";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { DisplayBoardQuery as DisplayBoardResult } from "../../../gql/graphql";
import { useConnectionState } from "../../../lib/connection";
import { toProblem } from "../../../lib/errors";
import { LiveSequence } from "@qline/live-client";
import { rejectedKeyCodes } from "../../device/hooks/device-key";
import { stepDisplayEvent, type DisplayEvent } from "../display-events";
import { DisplayBoardQuery } from "../graphql/display-board.query";

export type BoardLine = NonNullable<DisplayBoardResult["tenant"]>["lines"][number];

/** Waiting tickets shown per line. */
export const NEXT_COUNT = 5;
/** Waiting tickets read per line: the numbers for the front of the queue as calls move it up, without a read. */
export const NEXT_KEPT = 20;

export type DisplayBoardState =
  | { state: "loading" }
  | { state: "unreachable"; retry(): void }
  | { state: "rejected" }
  | { state: "ready"; lines: BoardLine[] };

/**
 * The tenant's lines with who is where and who is next (device key). Each line's lineUpdated events (see
 * use-line-updates) are applied to the cached query in the line's order (display-events.ts), without a request;
 * the board is re-read, one read at a time, only when an event cannot be applied (a missed event, a resync, line
 * or counter settings, an unknown ticket at the front). After a reconnect or a wake from sleep the Apollo client
 * refetches every active query (lib/apollo.ts); events that arrive during any read are held and applied after
 * it. While the socket is down it polls every 30 s.
 *
 * `onLineEvent` returns whether the event is new (a higher number than any seen for its line), so that a call
 * is announced once.
 */
export function useDisplayBoard(tenantId: string): { board: DisplayBoardState; onLineEvent(event: DisplayEvent): boolean } {
  const connection = useConnectionState();
  const client = useApolloClient();
  const { data, error, refetch, networkStatus, observable } = useQuery(DisplayBoardQuery, {
    variables: { tenantId, next: NEXT_KEPT },
    pollInterval: connection === "online" ? 0 : 30_000,
  });

  const latest = useRef({ refetch, observable });
  useEffect(() => {
    latest.current = { refetch, observable };
  });
  const sequence = useMemo(() => {
    const query = { query: DisplayBoardQuery, variables: { tenantId, next: NEXT_KEPT } };
    const sizes = { front: NEXT_COUNT, keep: NEXT_KEPT };
    return new LiveSequence<DisplayEvent>({
      current: (event) => client.cache.readQuery(query)?.tenant?.lines.find((l) => l.id === event.lineId)?.seq ?? null,
      apply: (event) => {
        let outcome: "applied" | "ignored" | "reread" = "ignored";
        client.cache.updateQuery(query, (cached) => {
          const lines = cached?.tenant?.lines;
          const line = lines?.find((l) => l.id === event.lineId);
          if (!cached?.tenant || !lines || !line) return undefined;
          const step = stepDisplayEvent(line, event, sizes);
          if (step.action !== "apply") {
            outcome = step.action === "ignore" ? "ignored" : "reread";
            return undefined;
          }
          outcome = "applied";
          return { ...cached, tenant: { ...cached.tenant, lines: lines.map((l) => (l.id === line.id ? step.line : l)) } };
        });
        return outcome;
      },
      read: () => latest.current.refetch(),
      busy: () => isNetworkRequestInFlight(latest.current.observable.getCurrentResult().networkStatus),
    });
  }, [client, tenantId]);

  // An answer the sequence did not ask for (the first one, polling, the client's refetch after a reconnect or
  // wake): events held meanwhile apply now.
  useEffect(() => {
    if (data) sequence.settled();
  }, [data, networkStatus, sequence]);

  const seen = useRef(new Map<string, number>());
  const onLineEvent = useCallback(
    (event: DisplayEvent) => {
      const fresh = event.seq > (seen.current.get(event.lineId) ?? -1);
      if (fresh) seen.current.set(event.lineId, event.seq);
      sequence.receive(event);
      return fresh;
    },
    [sequence],
  );

  const lines = useMemo(
    () => (data?.tenant?.lines ?? []).map((line) => ({ ...line, tickets: { ...line.tickets, nodes: line.tickets.nodes.slice(0, NEXT_COUNT) } })),
    [data],
  );

  let board: DisplayBoardState;
  if (data) board = { state: "ready", lines };
  else if (!error) board = { state: "loading" };
  else {
    const problem = toProblem(error);
    board = problem.code && rejectedKeyCodes.has(problem.code) ? { state: "rejected" } : { state: "unreachable", retry: () => void refetch().catch(() => undefined) };
  }
  return { board, onLineEvent };
}
