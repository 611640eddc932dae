import { useQuery, useSubscription } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TenantActivitySubscription as ActivityData } from "../../../gql/graphql";
import { ActivityLinesQuery } from "../graphql/activity-lines.query";
import { TenantActivitySubscription } from "../graphql/tenant-activity.subscription";

export type ActivityEvent = ActivityData["tenantActivity"];
const keep = 25;

/** Everything happening on the lines of a tenant and its subtree, newest first, while the page is open. */
export function useTenantActivity(tenantId: string) {
  const { t } = useTranslation();
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  const lines = useQuery(ActivityLinesQuery, { variables: { tenantId } });
  const subscription = useSubscription(TenantActivitySubscription, {
    variables: { tenantId },
    onData: ({ data }) => {
      const event = data.data?.tenantActivity;
      if (!event) return;
      setEvents((list) => [event, ...list].slice(0, keep));
      setWaiting((w) => ({ ...w, [event.lineId]: event.stats.waitingCount }));
    },
  });
  const lineList = lines.data?.tenant?.lines ?? [];
  return {
    events,
    lines: lineList.map((l) => ({ ...l, waitingCount: waiting[l.id] ?? l.waitingCount })),
    linesLoaded: Boolean(lines.data?.tenant),
    lineName: (id: string) => lineList.find((l) => l.id === id)?.name ?? t("activity.subtenantLine"),
    error: subscription.error ?? lines.error,
  };
}
