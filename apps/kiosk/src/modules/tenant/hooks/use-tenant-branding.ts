import { useQuery } from "@apollo/client/react";
import { useTenantTheme } from "../components/TenantGate";
import { TenantBySlugQuery } from "../graphql/tenant-by-slug.query";
import type { PublicTenant } from "./use-public-tenant";

/** Branding only (never blocks the page): the tenant's theme applied when the slug is known, else the defaults. */
export function useTenantBranding(slug: string | null): PublicTenant | null {
  const { data } = useQuery(TenantBySlugQuery, { variables: { slug: slug ?? "" }, skip: !slug, fetchPolicy: "cache-first" });
  const tenant = data?.tenantBySlug ?? null;
  useTenantTheme(tenant?.theme);
  return tenant;
}
