import { useQuery } from "@apollo/client/react";
import { SubtenantsQuery } from "../graphql/subtenants.query";

/** How many subtenants the switcher lists per tenant the user holds a role on; more than that: search. */
export const switcherPageSize = 100;

export function useSubtenants(tenantId: string, search: string) {
  const { data, loading, error } = useQuery(SubtenantsQuery, {
    variables: { id: tenantId, search: search.trim() || null, first: switcherPageSize },
  });
  const page = data?.tenant?.descendants ?? null;
  return { nodes: page?.nodes ?? [], totalCount: page?.totalCount ?? 0, truncated: page?.pageInfo.hasNextPage ?? false, loading, error };
}
