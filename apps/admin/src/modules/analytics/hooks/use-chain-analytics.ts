import { useQuery } from "@apollo/client/react";
import { ChainAnalyticsQuery } from "../graphql/chain-analytics.query";

/** Stores per page of the chain roll-up (the API allows up to 50). */
export const chainPageSize = 25;

export function useChainAnalyticsPage(tenantId: string, range: { from: string; to: string }, after: string | null) {
  const { data, loading, error, refetch } = useQuery(ChainAnalyticsQuery, { variables: { tenantId, from: range.from, to: range.to, first: chainPageSize, after } });
  return { page: data?.chainAnalytics ?? null, loading: loading && !data, error, refetch: () => void refetch() };
}
