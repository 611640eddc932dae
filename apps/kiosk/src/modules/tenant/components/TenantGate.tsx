import { useEffect, type ReactNode } from "react";
import { useI18n } from "../../../i18n/i18n";
import { applyTheme } from "../../../lib/theme";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading, MessagePage } from "../../../ui/states";
import { usePublicTenant, type PublicTenant } from "../hooks/use-public-tenant";

/** Applies the tenant's branding while mounted. */
export function useTenantTheme(theme: PublicTenant["theme"] | null | undefined): void {
  const { logoUrl, primaryColor, accentColor, fontFamily } = theme ?? {};
  useEffect(() => {
    if (!theme) return undefined;
    return applyTheme({ logoUrl, primaryColor, accentColor, fontFamily });
  }, [theme, logoUrl, primaryColor, accentColor, fontFamily]);
}

/**
 * Every tenant page goes through here: unknown slug → "no such place", suspended → "temporarily unavailable",
 * otherwise the tenant's branding is applied and the page renders.
 */
export function TenantGate({ slug, children }: { slug: string; children: (tenant: PublicTenant) => ReactNode }) {
  const resolution = usePublicTenant(slug);
  const { t } = useI18n();
  const tenant = resolution.state === "ready" || resolution.state === "suspended" ? resolution.tenant : null;
  useTenantTheme(tenant?.theme);

  switch (resolution.state) {
    case "loading":
      return <Loading />;
    case "error":
      return <CannotReach onRetry={resolution.retry} />;
    case "unknown":
      return (
        <>
          <PublicHeader name="qline" />
          <MessagePage title={t.noSuchPlaceTitle} tone="warning">
            <p>{t.noSuchPlace(slug)}</p>
          </MessagePage>
        </>
      );
    case "suspended":
      return (
        <>
          <PublicHeader name={resolution.tenant.name} logoUrl={resolution.tenant.theme.logoUrl} />
          <MessagePage title={t.unavailableTitle} tone="warning">
            <p>{t.unavailable(resolution.tenant.name)}</p>
          </MessagePage>
        </>
      );
    case "ready":
      return <>{children(resolution.tenant)}</>;
  }
}
