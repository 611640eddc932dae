import { useQuery, useSubscription } from "@apollo/client/react";
import type { PublicTicketFieldsFragment } from "../../../gql/graphql";
import { TicketByCodeQuery } from "../graphql/ticket-by-code.query";
import { TicketUpdatedSubscription } from "../graphql/ticket-updated.subscription";

export type LiveTicket = PublicTicketFieldsFragment;

const finished = new Set(["SERVED", "CANCELLED", "NO_SHOW", "EXPIRED"]);

export function isFinished(status: string): boolean {
  return finished.has(status);
}

/**
 * The ticket by its tracking code, kept live: `ticketUpdated` results are normalised by trackingCode into the
 * same cache entry the query reads. After a reconnect the client refetches the query (missed events) and
 * graphql-ws re-subscribes by itself.
 */
export function useLiveTicket(code: string) {
  const query = useQuery(TicketByCodeQuery, { variables: { code } });
  const ticket = query.data?.ticketByCode ?? null;
  useSubscription(TicketUpdatedSubscription, {
    variables: { code },
    skip: !ticket || isFinished(ticket.status),
  });
  return {
    ticket,
    loading: !query.data && !query.error,
    notFound: query.data !== undefined && query.data.ticketByCode === null,
    error: query.data ? undefined : query.error,
    refetch: () => void query.refetch().catch(() => undefined),
  };
}
