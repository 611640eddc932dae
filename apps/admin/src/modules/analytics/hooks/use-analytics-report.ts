import { useQuery } from "@apollo/client/react";
import { AnalyticsReportQuery } from "../graphql/analytics-report.query";
import type { AnalyticsScope } from "./use-analytics";

/** The manager's report for a tenant or a line; skipped for a subtree roll-up (the report reads one tenant) and while the range is invalid. */
export function useAnalyticsReport(tenantId: string, scope: AnalyticsScope, range: { from: string; to: string } | null, serviceLevelMinutes: number | null) {
  const lineId = scope.startsWith("line:") ? scope.slice(5) : null;
  const skip = !range || scope === "subtree" || serviceLevelMinutes == null;
  const { data, loading, error, refetch } = useQuery(AnalyticsReportQuery, {
    variables: { tenantId: lineId ? null : tenantId, lineId, from: range?.from ?? "", to: range?.to ?? "", serviceLevelMinutes },
    skip,
  });
  const report = skip ? null : (data?.analyticsReport ?? null);
  return { report, loading: !skip && loading && !report, error: skip ? undefined : error, refetch: () => void refetch() };
}
