import { useQuery } from "@apollo/client/react";
import { TicketDetailsQuery } from "../graphql/ticket-details.query";

export function useTicketDetails(id: string) {
  const { data, loading, error, refetch } = useQuery(TicketDetailsQuery, { variables: { id }, fetchPolicy: "network-only" });
  return { ticket: data?.ticket ?? null, loading: loading && !data, error, refetch: () => void refetch() };
}
