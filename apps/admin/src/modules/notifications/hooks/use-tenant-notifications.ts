import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import type { NotificationFilter, TenantNotificationsQuery as TenantNotificationsData } from "../../../gql/graphql";
import { NotificationLinesQuery } from "../graphql/notification-lines.query";
import { TenantNotificationsQuery } from "../graphql/tenant-notifications.query";

export type NotificationItem = TenantNotificationsData["tenantNotifications"]["nodes"][number];
export type NotificationCounts = TenantNotificationsData["tenantNotifications"]["counts"];
export const notificationPageSize = 50;
/** How often the log re-reads while messages are still on their way (pending, sending, retrying). */
export const notificationLogPollMs = 3000;

/** True while some message of the answer may still change status on its own (the worker delivers it). */
export const hasMessagesInFlight = (counts: NotificationCounts | null | undefined) => !!counts && counts.pending + counts.sending + counts.retrying > 0;

/**
 * Newest first; `loadMore` appends the next page (cursor `after`), a filter change starts over. While messages
 * are in flight the first page is re-read every few seconds, so statuses move on screen without a reload (not
 * once more pages are loaded: a re-read would drop them).
 */
export function useTenantNotifications(tenantId: string, filter: NotificationFilter) {
  const [pollInterval, setPollInterval] = useState(0);
  const { data, previousData, loading, error, refetch, fetchMore } = useQuery(TenantNotificationsQuery, {
    variables: { tenantId, filter, first: notificationPageSize },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
    pollInterval,
  });
  const answer = data?.tenantNotifications;
  const shouldPoll = !!answer && hasMessagesInFlight(answer.counts) && answer.nodes.length <= notificationPageSize;
  useEffect(() => setPollInterval(shouldPoll ? notificationLogPollMs : 0), [shouldPoll]);
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
