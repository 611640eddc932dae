import { notificationsHref, type NotificationTab } from "../../../app/router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../ui/PageHeader";
import { EmptyState } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useDevMailbox } from "../hooks/use-dev-mailbox";
import { DeliveryLog } from "./DeliveryLog";
import { DevMailbox } from "./DevMailbox";
import { NotificationProvidersForm } from "./NotificationProvidersForm";
import { NotificationTemplatesEditor } from "./NotificationTemplatesEditor";

/**
 * The tenant's messages to customers: what was sent (delivery log, tickets:read), how it is worded (templates,
 * tenant:read) and how it leaves (providers, tenant:update); the dev mailbox tab appears only once devMailbox
 * answers (tickets:read).
 */
export function NotificationsPage({ tab }: { tab: NotificationTab }) {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const canLog = can("tickets:read");
  // Provider settings are read and written with tenant:update (they name accounts and senders).
  const canProviders = can("tenant:update");
  const mailbox = useDevMailbox(tenant.id, { skip: !canLog });
  const shown: NotificationTab[] = [...(canLog ? (["log"] as const) : []), "templates", ...(canProviders ? (["providers"] as const) : []), ...(mailbox.available ? (["mailbox"] as const) : [])];
  const current: NotificationTab = shown.includes(tab) || (tab === "mailbox" && canLog) ? tab : (shown[0] ?? "templates");

  return (
    <section className="notifications">
      <PageHeader title={t("notifications.title")} description={t("notifications.description")} />
      <nav aria-label={t("notifications.title")}>
        <ul className="tabs">
          {shown.map((shownTab) => (
            <li key={shownTab}>
              <a href={notificationsHref(tenant.id, shownTab)} aria-current={shownTab === current ? "page" : undefined} data-testid={`notifications-tab-${shownTab}`}>
                {t(`notifications.tabs.${shownTab}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current === "log" && <DeliveryLog />}
      {current === "templates" && <NotificationTemplatesEditor />}
      {current === "providers" && <NotificationProvidersForm />}
      {current === "mailbox" &&
        (mailbox.available ? (
          <MailboxTab tenantId={tenant.id} />
        ) : mailbox.loading ? null : (
          <EmptyState title={t("notifications.noMailboxTitle")}>{t("notifications.noMailboxBody")}</EmptyState>
        ))}
    </section>
  );
}

/** The open mailbox tab reads what the sinks hold now (the page's first answer only told that there is a mailbox). */
function MailboxTab({ tenantId }: { tenantId: string }) {
  const mailbox = useDevMailbox(tenantId, { fresh: true });
  return <DevMailbox messages={mailbox.messages ?? []} onRefresh={mailbox.refetch} />;
}
