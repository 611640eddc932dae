import { useQuery } from "@apollo/client/react";
import { JoinLinksQuery } from "../graphql/join-links.query";

export function useJoinLinks(tenantId: string) {
  const { data, loading, error, refetch } = useQuery(JoinLinksQuery, { variables: { tenantId } });
  return { tenant: data?.tenant ?? null, loading: loading && !data, error, refetch: () => void refetch() };
}
