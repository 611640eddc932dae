import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TenantOverviewPage } from "../modules/tenants/components/TenantOverviewPage";
import { CurrentTenantContext } from "../modules/tenants/hooks/use-current-tenant";
import { useTenantShell } from "../modules/tenants/hooks/use-tenant-shell";
import { EmptyState, ErrorState, Loading } from "../ui/states";
import { formatDateTime } from "../lib/format";
import { AppFrame } from "./AppFrame";
import { tenantHref, type NotificationTab, type TenantSection } from "./router";
import { sectionNav } from "./sections";

// Each section loads on first visit: the sign-in screen and the overview stay small on a tablet's connection.
const QueueBoardPage = lazy(() => import("../modules/board/components/QueueBoardPage").then((m) => ({ default: m.QueueBoardPage })));
const LinesPage = lazy(() => import("../modules/lines/components/LinesPage").then((m) => ({ default: m.LinesPage })));
const JoinLinksPage = lazy(() => import("../modules/join-links/components/JoinLinksPage").then((m) => ({ default: m.JoinLinksPage })));
const TicketFieldsPage = lazy(() => import("../modules/extension-schema/components/TicketFieldsPage").then((m) => ({ default: m.TicketFieldsPage })));
const TenantTreePage = lazy(() => import("../modules/tenants/components/TenantTreePage").then((m) => ({ default: m.TenantTreePage })));
const TemplatesPage = lazy(() => import("../modules/templates/components/TemplatesPage").then((m) => ({ default: m.TemplatesPage })));
const TenantSettingsPage = lazy(() => import("../modules/settings/components/TenantSettingsPage").then((m) => ({ default: m.TenantSettingsPage })));
const MembersPage = lazy(() => import("../modules/members/components/MembersPage").then((m) => ({ default: m.MembersPage })));
const DevicesPage = lazy(() => import("../modules/devices/components/DevicesPage").then((m) => ({ default: m.DevicesPage })));
const ApiKeysPage = lazy(() => import("../modules/api-keys/components/ApiKeysPage").then((m) => ({ default: m.ApiKeysPage })));
const AnalyticsPage = lazy(() => import("../modules/analytics/components/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })));
const NotificationsPage = lazy(() => import("../modules/notifications/components/NotificationsPage").then((m) => ({ default: m.NotificationsPage })));
const AuditLogPage = lazy(() => import("../modules/audit/components/AuditLogPage").then((m) => ({ default: m.AuditLogPage })));

const pages: Record<TenantSection, (lineId: string | undefined, tab: NotificationTab | undefined) => ReactNode> = {
  overview: () => <TenantOverviewPage />,
  board: (lineId) => <QueueBoardPage lineId={lineId} />,
  lines: () => <LinesPage />,
  links: () => <JoinLinksPage />,
  "ticket-fields": () => <TicketFieldsPage />,
  tree: () => <TenantTreePage />,
  templates: () => <TemplatesPage />,
  settings: () => <TenantSettingsPage />,
  members: () => <MembersPage />,
  devices: () => <DevicesPage />,
  "api-keys": () => <ApiKeysPage />,
  audit: () => <AuditLogPage />,
  analytics: () => <AnalyticsPage />,
  notifications: (_lineId, tab) => <NotificationsPage tab={tab ?? "log"} />,
};

export function TenantLayout({ tenantId, section, lineId, tab }: { tenantId: string; section: TenantSection; lineId?: string | undefined; tab?: NotificationTab | undefined }) {
  const { current, loading, error, refetch } = useTenantShell(tenantId);
  const { t } = useTranslation();

  if (!current) {
    return (
      <AppFrame current={null}>
        <main className="main" id="main" tabIndex={-1}>
          {loading ? <Loading /> : error ? <ErrorState error={error} onRetry={refetch} title={t("tenant.couldNotOpen")} /> : <EmptyState title={t("tenant.notFound")}>{t("tenant.notFoundBody")}</EmptyState>}
        </main>
      </AppFrame>
    );
  }

  const { tenant, can } = current;
  const visible = sectionNav.filter((s) => can(s.permission));
  const allowed = visible.some((s) => s.section === section);

  return (
    <CurrentTenantContext.Provider value={current}>
      <AppFrame current={tenant}>
        <div className="layout">
          <nav className="sidebar" aria-label={t("nav.sections", { name: tenant.name })}>
            {tenant.ancestors.length > 0 && (
              <ol className="breadcrumbs" aria-label={t("nav.parents")}>
                {tenant.ancestors.map((a) => (
                  <li key={a.id}>
                    <a href={tenantHref(a.id, section)}>{a.name}</a>
                  </li>
                ))}
              </ol>
            )}
            <p className="sidebar__tenant">{tenant.name}</p>
            <ul>
              {visible.map((s) => (
                <li key={s.section}>
                  <a href={tenantHref(tenant.id, s.section)} aria-current={s.section === section ? "page" : undefined} className="sidebar__link">
                    {t(`nav.${s.section}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main className={`main${section === "board" ? " main--board" : ""}`} id="main" tabIndex={-1}>
            {tenant.suspended && (
              <div className="alert alert--error" role="alert">
                {t("tenant.suspended")}
              </div>
            )}
            {tenant.deletionScheduledAt && (
              <div className="alert alert--error" role="alert" data-testid="deletion-banner">
                {t("tenant.deletionScheduled", { date: formatDateTime(String(tenant.deletionScheduledAt)) })}
              </div>
            )}
            {allowed ? <Suspense fallback={<Loading />}>{pages[section](lineId, tab)}</Suspense> : <EmptyState title={t("tenant.notAllowed")}>{t("tenant.notAllowedBody")}</EmptyState>}
          </main>
        </div>
      </AppFrame>
    </CurrentTenantContext.Provider>
  );
}
