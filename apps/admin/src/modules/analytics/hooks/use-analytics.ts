import { useQuery } from "@apollo/client/react";
import { AnalyticsLinesQuery } from "../graphql/analytics-lines.query";
import { LineAnalyticsQuery } from "../graphql/line-analytics.query";
import { TenantAnalyticsQuery } from "../graphql/tenant-analytics.query";
import type { Figures } from "../analytics-model";

/** "tenant" (all its lines), "subtree" (roll-up over its subtenants too) or "line:<id>". */
export type AnalyticsScope = string;

export function useAnalyticsLines(tenantId: string) {
  const { data, loading, error } = useQuery(AnalyticsLinesQuery, { variables: { tenantId } });
  return { lines: data?.tenant?.lines ?? null, loading: loading && !data, error };
}

/** The figures for a scope and range; skipped while the range is invalid. */
export function useAnalytics(tenantId: string, scope: AnalyticsScope, range: { from: string; to: string } | null) {
  const lineId = scope.startsWith("line:") ? scope.slice(5) : null;
  const line = useQuery(LineAnalyticsQuery, {
    variables: { lineId: lineId ?? "", from: range?.from ?? "", to: range?.to ?? "" },
    skip: !range || !lineId,
  });
  const tenant = useQuery(TenantAnalyticsQuery, {
    variables: { tenantId, from: range?.from ?? "", to: range?.to ?? "", includeSubtree: scope === "subtree" },
    skip: !range || Boolean(lineId),
  });
  const active = lineId ? line : tenant;
  const figures: Figures | null = (lineId ? line.data?.lineAnalytics : tenant.data?.tenantAnalytics) ?? null;
  return {
    figures,
    loading: active.loading && !figures,
    error: active.error,
    refetch: () => void active.refetch(),
  };
}
