import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { NotificationChannel, NotificationFilter, NotificationStatus, NotificationTrigger } from "../../../gql/graphql";
import { Button } from "../../../ui/Button";
import { SelectField } from "../../../ui/Field";
import { EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationLines, useTenantNotifications, type NotificationCounts } from "../hooks/use-tenant-notifications";
import { channels, statuses, triggers } from "../notification-model";
import { EscalationEmailsToggle } from "./EscalationEmailsToggle";
import { NotificationLogTable } from "./NotificationLogTable";

interface FilterForm {
  status: NotificationStatus | "";
  channel: NotificationChannel | "";
  trigger: NotificationTrigger | "";
  lineId: string;
}
const emptyFilter: FilterForm = { status: "", channel: "", trigger: "", lineId: "" };

export function toNotificationFilter(form: FilterForm): NotificationFilter {
  const filter: NotificationFilter = {};
  if (form.status) filter.status = form.status;
  if (form.channel) filter.channel = form.channel;
  if (form.trigger) filter.trigger = form.trigger;
  if (form.lineId) filter.lineId = form.lineId;
  return filter;
}

const countOf = (counts: NotificationCounts, status: NotificationStatus): number => counts[status.toLowerCase() as Lowercase<NotificationStatus>];

/** The tenant's deliveries with filters, counts by status (a count filters by its status) and "Load more". */
export function DeliveryLog() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const [form, setForm] = useState<FilterForm>(emptyFilter);
  const filter = useMemo(() => toNotificationFilter(form), [form]);
  const { notifications, counts, hasMore, loading, loadingMore, error, refetch, loadMore } = useTenantNotifications(tenant.id, filter);
  const lines = useNotificationLines(tenant.id);
  const lineNames = useMemo(() => new Map(lines.map((l) => [l.id, l.name])), [lines]);
  const set = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  // MANAGER and up: the API asks for lines:manage (and a membership held on this tenant itself).

  return (
    <div className="stack">
      {can("lines:manage") && <EscalationEmailsToggle tenantId={tenant.id} />}
      <form className="card form filters" onSubmit={(e) => e.preventDefault()} aria-label={t("notifications.log.filterForm")}>
        <div className="filters__row">
          <SelectField
            label={t("notifications.log.status")}
            value={form.status}
            onChange={(v) => set("status", v as FilterForm["status"])}
            options={[{ value: "", label: t("notifications.log.anyStatus") }, ...statuses.map((s) => ({ value: s, label: t(`notifications.status.${s}`) }))]}
            data-testid="notifications-filter-status"
          />
          <SelectField
            label={t("notifications.log.channel")}
            value={form.channel}
            onChange={(v) => set("channel", v as FilterForm["channel"])}
            options={[{ value: "", label: t("notifications.log.anyChannel") }, ...channels.map((c) => ({ value: c, label: t(`notifications.channel.${c}`) }))]}
            data-testid="notifications-filter-channel"
          />
          <SelectField
            label={t("notifications.log.message")}
            value={form.trigger}
            onChange={(v) => set("trigger", v as FilterForm["trigger"])}
            options={[{ value: "", label: t("notifications.log.anyMessage") }, ...triggers.map((trigger) => ({ value: trigger, label: t(`notifications.trigger.${trigger}`) }))]}
            data-testid="notifications-filter-trigger"
          />
          <SelectField
            label={t("notifications.log.line")}
            value={form.lineId}
            onChange={(v) => set("lineId", v)}
            options={[{ value: "", label: t("notifications.log.allLines") }, ...lines.map((l) => ({ value: l.id, label: `${l.prefix} · ${l.name}` }))]}
            data-testid="notifications-filter-line"
          />
          <div className="filters__buttons">
            <Button variant="ghost" onClick={() => setForm(emptyFilter)} disabled={form === emptyFilter}>
              {t("notifications.log.clear")}
            </Button>
          </div>
        </div>
      </form>
      {counts && (
        <ul className="status-counts" aria-label={t("notifications.log.byStatus")}>
          {statuses.map((s) => (
            <li key={s}>
              <button type="button" aria-pressed={form.status === s} onClick={() => set("status", form.status === s ? "" : s)} data-testid={`notification-count-${s}`}>
                <span className="muted">{t(`notifications.status.${s}`)}</span>
                <strong>{countOf(counts, s)}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      {loading && <Loading label={t("notifications.log.loading")} />}
      {Boolean(error) && !notifications && <ErrorState error={error} onRetry={refetch} />}
      {notifications && notifications.length === 0 && <EmptyState title={t("notifications.log.noneTitle")}>{t("notifications.log.noneBody")}</EmptyState>}
      {notifications && notifications.length > 0 && (
        <div className="card card--flush">
          <NotificationLogTable notifications={notifications} lineNames={lineNames} caption={t("notifications.log.caption")} />
          {hasMore && (
            <div className="load-more">
              <Button onClick={() => void loadMore()} busy={loadingMore} data-testid="notifications-load-more">
                {t("notifications.log.loadMore")}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
