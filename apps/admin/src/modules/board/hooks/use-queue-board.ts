import { useApolloClient, useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { QueueBoardQuery as QueueBoardData } from "../../../gql/graphql";
import { useConnectionState } from "../../../lib/connection-status";
import { LiveSequence } from "@qline/live-client";
import { useWake } from "../../../lib/wake";
import { stepBoardEvent, type BoardEvent } from "../board-events";
import { LineUpdatedSubscription } from "../graphql/line-updated.subscription";
import { QueueBoardQuery } from "../graphql/queue-board.query";

export type BoardLine = NonNullable<QueueBoardData["line"]>;
export type BoardTicket = BoardLine["waiting"]["nodes"][number];

/**
 * The board's data, kept in step with the server: each lineUpdated event (from any staff member, kiosk or
 * expiry job) is applied to the cached query in the line's order (board-events.ts), without a request. The line
 * is re-read, one read at a time, only when an event cannot be applied (a missed event, a resync, line or
 * counter settings, an unknown ticket), after the socket reconnects and when the page wakes from sleep; while
 * the socket is down it polls over HTTP.
 */
export function useQueueBoard(lineId: string) {
  const connection = useConnectionState();
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(QueueBoardQuery, {
    variables: { lineId },
    pollInterval: connection === "online" ? 0 : 15_000,
    notifyOnNetworkStatusChange: false,
  });
  const [lastEventAt, setLastEventAt] = useState<string | null>(null);

  const latestRefetch = useRef(refetch);
  useEffect(() => {
    latestRefetch.current = refetch;
  });
  const sequence = useMemo(() => {
    const query = { query: QueueBoardQuery, variables: { lineId } };
    return new LiveSequence<BoardEvent>({
      current: () => client.cache.readQuery(query)?.line?.seq ?? null,
      apply: (event) => {
        let outcome: "applied" | "ignored" | "reread" = "reread";
        client.cache.updateQuery(query, (cached) => {
          if (!cached?.line) return undefined;
          const step = stepBoardEvent(cached.line, event);
          if (step.action !== "apply") {
            outcome = step.action === "ignore" ? "ignored" : "reread";
            return undefined;
          }
          outcome = "applied";
          return { ...cached, line: step.line };
        });
        return outcome;
      },
      read: () => latestRefetch.current(),
    });
  }, [client, lineId]);

  useSubscription(LineUpdatedSubscription, {
    variables: { lineId },
    onData: ({ data: result }) => {
      const event = result.data?.lineUpdated;
      if (!event) return;
      setLastEventAt(event.at);
      sequence.receive(event);
    },
  });

  // The first answer and polled ones: events held until the data was there apply now.
  useEffect(() => {
    if (data) sequence.settled();
  }, [data, sequence]);

  // Back online after an outage: events may have been missed while the socket was down. (The first connect
  // needs no read: the subscription's SUBSCRIBED event says whether the data is behind.)
  const wasOnline = useRef(connection === "online");
  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current !== "online" && connection === "online" && wasOnline.current) void sequence.reread();
    if (connection === "online") wasOnline.current = true;
    previous.current = connection;
  }, [connection, sequence]);

  useWake(() => void sequence.reread());

  return {
    line: data?.line ?? null,
    loading: loading && !data,
    error,
    live: connection === "online",
    lastEventAt,
    refetch: () => sequence.reread(),
  };
}
