import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import type { AuditFilterInput, AuditLogQuery as AuditLogData } from "../../../gql/graphql";
import { AuditLogQuery } from "../graphql/audit-log.query";

export type AuditEntry = NonNullable<AuditLogData["tenant"]>["auditLog"]["nodes"][number];
const pageSize = 50;

/** Newest first; `loadMore` appends the next page (cursor `after`), a filter change starts over. */
export function useAuditLog(tenantId: string, filter: AuditFilterInput) {
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogQuery, {
    variables: { tenantId, filter, first: pageSize },
    notifyOnNetworkStatusChange: true,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.tenant?.auditLog ?? null;

  const loadMore = async () => {
    if (!connection?.pageInfo.hasNextPage) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.tenant?.auditLog;
          const next = fetchMoreResult.tenant?.auditLog;
          if (!prev || !next || !fetchMoreResult.tenant) return previous as AuditLogData;
          return { ...fetchMoreResult, tenant: { ...fetchMoreResult.tenant, auditLog: { ...next, nodes: [...prev.nodes, ...next.nodes] } } };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    entries: connection?.nodes ?? null,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    loading: loading && !data,
    loadingMore,
    error,
    refetch: () => void refetch(),
    loadMore,
  };
}
