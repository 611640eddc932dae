import { tenantHref, type TenantSection } from "../../../app/router";
import type { Permission } from "../../../lib/permissions";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { ActivityPanel } from "../../activity/components/ActivityPanel";
import { useCurrentTenant } from "../hooks/use-current-tenant";
import type { en } from "../strings";

/** Titled like the navigation (`nav.<section>`), described by `tenants.overview.shortcuts.<section>`. */
const shortcuts: { section: TenantSection & keyof typeof en.overview.shortcuts; permission: Permission }[] = [
  { section: "board", permission: "tickets:read" },
  { section: "lines", permission: "lines:read" },
  { section: "links", permission: "lines:read" },
  { section: "ticket-fields", permission: "lines:read" },
  { section: "tree", permission: "tenant:read" },
  { section: "settings", permission: "tenant:read" },
  { section: "members", permission: "members:read" },
  { section: "api-keys", permission: "apikeys:manage" },
  { section: "audit", permission: "audit:read" },
];

export function TenantOverviewPage() {
  const { t } = useTranslation();
  const { tenant, role, can } = useCurrentTenant();
  return (
    <section>
      <PageHeader
        title={tenant.name}
        description={
          <>
            <code>/{tenant.slug}</code> · {t("tenants.overview.yourRole")} <strong>{role ? t(`roles.${role}`) : t("tenants.overview.noRole")}</strong>
            {tenant.depth > 0 ? t("tenants.overview.appliesBelow") : ""}
          </>
        }
      />
      {can("tickets:read") && <ActivityPanel tenantId={tenant.id} canSetUp={can("lines:manage") && can("apikeys:manage")} />}
      <h2 className="section-title">{t("tenants.overview.manage")}</h2>
      <div className="tiles">
        {shortcuts
          .filter((s) => can(s.permission))
          .map((s) => (
            <a key={s.section} className="tile" href={tenantHref(tenant.id, s.section)}>
              <strong>{t(`nav.${s.section}`)}</strong>
              <span className="muted">{t(`tenants.overview.shortcuts.${s.section}`)}</span>
            </a>
          ))}
      </div>
    </section>
  );
}
