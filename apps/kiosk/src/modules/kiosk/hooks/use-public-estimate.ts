import { useQuery } from "@apollo/client/react";
import { TicketByCodeQuery } from "../../ticket/graphql/ticket-by-code.query";

/**
 * The estimate the ticket's holder is shown (ticketByCode, the server's rule: null when the line hides it), not
 * the staff estimate the issueTicket answer carries. Undefined while loading or when it cannot be read.
 */
export function usePublicEstimate(trackingCode: string) {
  const { data } = useQuery(TicketByCodeQuery, { variables: { code: trackingCode }, fetchPolicy: "network-only" });
  return data?.ticketByCode?.estimate ?? null;
}
