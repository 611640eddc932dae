import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import type { QueueBoardQuery as QueueBoardData } from "../../../gql/graphql";
import { useConnectionState } from "../../../lib/connection-status";
import { LineUpdatedSubscription } from "../graphql/line-updated.subscription";
import { QueueBoardQuery } from "../graphql/queue-board.query";

export type BoardLine = NonNullable<QueueBoardData["line"]>;
export type BoardTicket = BoardLine["waiting"]["nodes"][number];

/**
 * The board's data, kept in step with the server: every lineUpdated event (from any staff member, kiosk or
 * expiry job) re-reads the line, bursts coalesced; after a reconnect it re-reads once (events may have been
 * missed), and while the socket is down it polls over HTTP.
 */
export function useQueueBoard(lineId: string) {
  const connection = useConnectionState();
  const { data, loading, error, refetch } = useQuery(QueueBoardQuery, {
    variables: { lineId },
    pollInterval: connection === "online" ? 0 : 15_000,
    notifyOnNetworkStatusChange: false,
  });
  const [lastEventAt, setLastEventAt] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const scheduleRefetch = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetch();
    }, 120);
  };

  useSubscription(LineUpdatedSubscription, {
    variables: { lineId },
    onData: ({ data: event }) => {
      setLastEventAt(event.data?.lineUpdated.at ?? new Date().toISOString());
      scheduleRefetch();
    },
  });

  const previous = useRef(connection);
  useEffect(() => {
    if (previous.current !== "online" && connection === "online") void refetch();
    previous.current = connection;
  }, [connection, refetch]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    line: data?.line ?? null,
    loading: loading && !data,
    error,
    live: connection === "online",
    lastEventAt,
    refetch: () => refetch(),
  };
}
