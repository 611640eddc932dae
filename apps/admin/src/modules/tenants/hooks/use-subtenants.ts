import { useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { SubtenantsQuery } from "../graphql/subtenants.query";

/** How many subtenants the switcher lists per tenant the user holds a role on; more than that: search. */
export const switcherPageSize = 100;

/** Typing pauses this long before the server is asked again. */
export const searchDelayMs = 250;

export function useSubtenants(tenantId: string, search: string) {
  const [asked, setAsked] = useState(search.trim());
  useEffect(() => {
    const timer = setTimeout(() => setAsked(search.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, previousData, loading, error } = useQuery(SubtenantsQuery, {
    variables: { id: tenantId, search: asked || null, first: switcherPageSize },
  });
  // The last answer stays listed while the next search is on its way.
  const page = (data ?? previousData)?.tenant?.descendants ?? null;
  return { nodes: page?.nodes ?? [], totalCount: page?.totalCount ?? 0, truncated: page?.pageInfo.hasNextPage ?? false, loading, error };
}
