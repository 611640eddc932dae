import { useI18n } from "../../../i18n/i18n";
import { navigate, tenantPath } from "../../../app/routes";
import { PublicHeader } from "../../../ui/PublicHeader";
import type { PublicTenant } from "../hooks/use-public-tenant";

/** `/t/<slug>`: what is this screen for? */
export function TenantLanding({ tenant, viaHost }: { tenant: PublicTenant; viaHost: boolean }) {
  const { t } = useI18n();
  const go = (page: "kiosk" | "display") => (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(tenantPath(tenant.slug, viaHost, page));
  };
  return (
    <>
      <PublicHeader name={tenant.name} logoUrl={tenant.theme.logoUrl} />
      <main className="landing">
        <h1>{tenant.name}</h1>
        <p>{t.landingIntro}</p>
        <div className="landing__choices">
          <a className="choice" href={tenantPath(tenant.slug, viaHost, "kiosk")} onClick={go("kiosk")}>
            <strong>{t.openKiosk}</strong>
            <span>{t.openKioskHint}</span>
          </a>
          <a className="choice" href={tenantPath(tenant.slug, viaHost, "display")} onClick={go("display")}>
            <strong>{t.openDisplay}</strong>
            <span>{t.openDisplayHint}</span>
          </a>
        </div>
      </main>
    </>
  );
}
