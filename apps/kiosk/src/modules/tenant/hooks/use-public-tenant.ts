import { useQuery } from "@apollo/client/react";
import type { TenantBySlugQuery as TenantBySlugResult } from "../../../gql/graphql";
import { TenantBySlugQuery } from "../graphql/tenant-by-slug.query";

export type PublicTenant = NonNullable<TenantBySlugResult["tenantBySlug"]>;
export type PublicLine = PublicTenant["lines"][number];

export type TenantResolution =
  | { state: "loading" }
  | { state: "error"; retry: () => void }
  | { state: "unknown" }
  | { state: "suspended"; tenant: PublicTenant }
  | { state: "ready"; tenant: PublicTenant };

/** Resolves a slug to the public tenant; refreshed every minute so the kiosk's line list follows staff changes. */
export function usePublicTenant(slug: string): TenantResolution {
  const { data, error, refetch } = useQuery(TenantBySlugQuery, { variables: { slug }, pollInterval: 60_000 });
  if (data) {
    const tenant = data.tenantBySlug;
    if (!tenant) return { state: "unknown" };
    return tenant.suspended ? { state: "suspended", tenant } : { state: "ready", tenant };
  }
  if (error) return { state: "error", retry: () => void refetch().catch(() => undefined) };
  return { state: "loading" };
}
