import { useQuery } from "@apollo/client/react";
import type { JoinLineFieldsFragment } from "../../../gql/graphql";
import { JoinLinesQuery } from "../graphql/join-lines.query";

export type JoinLine = JoinLineFieldsFragment;

/** The tenant's remote-join lines, refreshed every 30 s (waiting counts and estimates move). */
export function useJoinLines(slug: string) {
  const { data, error, refetch } = useQuery(JoinLinesQuery, { variables: { slug }, pollInterval: 30_000 });
  return {
    lines: data?.tenantBySlug?.joinLines ?? null,
    error: data ? undefined : error,
    retry: () => void refetch().catch(() => undefined),
  };
}
