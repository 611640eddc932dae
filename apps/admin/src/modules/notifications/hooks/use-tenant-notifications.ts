import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import type { NotificationFilter, TenantNotificationsQuery as TenantNotificationsData } from "../../../gql/graphql";
import { NotificationLinesQuery } from "../graphql/notification-lines.query";
import { TenantNotificationsQuery } from "../graphql/tenant-notifications.query";

export type NotificationItem = TenantNotificationsData["tenantNotifications"]["nodes"][number];
export type NotificationCounts = TenantNotificationsData["tenantNotifications"]["counts"];
export const notificationPageSize = 50;

/** Newest first; `loadMore` appends the next page (cursor `after`), a filter change starts over. */
export function useTenantNotifications(tenantId: string, filter: NotificationFilter) {
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(TenantNotificationsQuery, {
    variables: { tenantId, filter, first: notificationPageSize },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const [loadingMore, setLoadingMore] = useState(false);
  // While another filter loads, the previous answer stays on screen (the counts stay clickable).
  const connection = (data ?? previousData)?.tenantNotifications ?? null;

  const loadMore = async () => {
    const current = data?.tenantNotifications; // never page on from the previous filter's answer
    if (!current?.pageInfo.hasNextPage) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: current.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const prev = previous.tenantNotifications;
          const next = fetchMoreResult.tenantNotifications;
          if (!prev) return fetchMoreResult;
          return { ...fetchMoreResult, tenantNotifications: { ...next, nodes: [...prev.nodes, ...next.nodes] } };
        },
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    notifications: connection?.nodes ?? null,
    counts: connection?.counts ?? null,
    hasMore: data?.tenantNotifications.pageInfo.hasNextPage ?? false,
    loading: loading && !data && !previousData,
    loadingMore,
    error,
    refetch: () => void refetch(),
    loadMore,
  };
}

/** The tenant's lines for the filter and to name each row's line. */
export function useNotificationLines(tenantId: string) {
  const { data } = useQuery(NotificationLinesQuery, { variables: { tenantId } });
  return data?.tenant?.lines ?? [];
}
