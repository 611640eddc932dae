import type { ShellTenant } from "../modules/tenants/hooks/use-current-tenant";

/** The tenant a page test runs in (as the tenant shell query gives it): a root tenant, unless a test says otherwise. */
export function shellTenant(overrides: Partial<ShellTenant> = {}): ShellTenant {
  return {
    id: "root",
    name: "Acme Coffee",
    slug: "acme",
    depth: 0,
    accountId: "acc",
    suspended: false,
    deletionScheduledAt: null,
    ancestors: [],
    theme: { primaryColor: null, accentColor: null, logoUrl: null, fontFamily: null },
    ...overrides,
  };
}
