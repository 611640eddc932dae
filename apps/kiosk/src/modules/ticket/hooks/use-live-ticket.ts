import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import type { PublicTicketFieldsFragment } from "../../../gql/graphql";
import { watchReconnect } from "../../../lib/connection";
import { watchWake } from "@qline/live-client";
import { TicketByCodeQuery } from "../graphql/ticket-by-code.query";
import { TicketUpdatedSubscription } from "../graphql/ticket-updated.subscription";

export type LiveTicket = PublicTicketFieldsFragment;

const finished = new Set(["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"]);

export function isFinished(status: string): boolean {
  return finished.has(status);
}

/**
 * The ticket by its tracking code, kept live: `ticketUpdated` results are normalised by trackingCode into the
 * same cache entry the query reads; graphql-ws re-subscribes by itself after a reconnect.
 *
 * Pushes missed while the link was down are not replayed, so the ticket is fetched from the server at once
 * after a reconnect and when the phone wakes up: the page becomes visible again, the browser is back online, or
 * the wall clock jumped (asleep with the page open). `receivedAt` is when data last arrived (first answer, live
 * update or refetch).
 */
export function useLiveTicket(code: string) {
  const query = useQuery(TicketByCodeQuery, { variables: { code } });
  const ticket = query.data?.ticketByCode ?? null;
  const ended = ticket ? isFinished(ticket.status) : false;
  const [receivedAt, setReceivedAt] = useState<number | null>(null);

  useSubscription(TicketUpdatedSubscription, {
    variables: { code },
    skip: !ticket || ended,
    onData: () => setReceivedAt(Date.now()),
  });

  // Any new data in the cache (also from a mutation's answer) counts as received.
  useEffect(() => {
    if (query.data) setReceivedAt(Date.now());
  }, [query.data]);

  const refetch = useRef(query.refetch);
  refetch.current = query.refetch;
  useEffect(() => {
    if (ended) return undefined; // an ended ticket does not change any more
    const refresh = () => {
      void refetch.current().then(
        () => setReceivedAt(Date.now()),
        () => undefined, // offline still: the page keeps the last known state and its age
      );
    };
    const stopWake = watchWake(refresh);
    const stopReconnect = watchReconnect(refresh);
    return () => {
      stopWake();
      stopReconnect();
    };
  }, [ended]);

  return {
    ticket,
    ended,
    receivedAt,
    loading: !query.data && !query.error,
    notFound: query.data !== undefined && query.data.ticketByCode === null,
    error: query.data ? undefined : query.error,
    refetch: () => void query.refetch().catch(() => undefined),
  };
}
