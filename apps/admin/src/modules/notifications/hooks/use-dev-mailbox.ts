import { useQuery } from "@apollo/client/react";
import type { DevMailboxQuery as DevMailboxData } from "../../../gql/graphql";
import { DevMailboxQuery } from "../graphql/dev-mailbox.query";

export type DevMessage = DevMailboxData["devMailbox"][number];

/**
 * The dev mailbox: `available` only once devMailbox has answered; an error (refused, or a field unknown to the
 * API) means there is no mailbox to show. `fresh`: read from the API when mounted (the open mailbox tab), not
 * the answer cached when the page asked whether there is a mailbox at all.
 */
export function useDevMailbox(tenantId: string, options: { skip?: boolean; fresh?: boolean } = {}) {
  const { data, loading, error, refetch } = useQuery(DevMailboxQuery, {
    variables: { tenantId },
    skip: options.skip ?? false,
    errorPolicy: "none",
    fetchPolicy: options.fresh ? "cache-and-network" : "cache-first",
  });
  return {
    available: Boolean(data?.devMailbox) && !error,
    messages: data?.devMailbox ?? null,
    loading: loading && !data,
    error,
    refetch: () => void refetch(),
  };
}
