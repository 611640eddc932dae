import { useMemo, useState } from "react";
import type { NotificationChannel, NotificationFilter, NotificationStatus, NotificationTrigger } from "../../../gql/graphql";
import { Button } from "../../../ui/Button";
import { SelectField } from "../../../ui/Field";
import { EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { useNotificationLines, useTenantNotifications, type NotificationCounts } from "../hooks/use-tenant-notifications";
import { channelLabels, channels, statuses, statusLabels, triggerLabels, triggers } from "../notification-model";
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
      <form className="card form filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the delivery log">
        <div className="filters__row">
          <SelectField
            label="Status"
            value={form.status}
            onChange={(v) => set("status", v as FilterForm["status"])}
            options={[{ value: "", label: "Any status" }, ...statuses.map((s) => ({ value: s, label: statusLabels[s] }))]}
            data-testid="notifications-filter-status"
          />
          <SelectField
            label="Channel"
            value={form.channel}
            onChange={(v) => set("channel", v as FilterForm["channel"])}
            options={[{ value: "", label: "Any channel" }, ...channels.map((c) => ({ value: c, label: channelLabels[c] }))]}
            data-testid="notifications-filter-channel"
          />
          <SelectField
            label="Message"
            value={form.trigger}
            onChange={(v) => set("trigger", v as FilterForm["trigger"])}
            options={[{ value: "", label: "Any message" }, ...triggers.map((t) => ({ value: t, label: triggerLabels[t] }))]}
            data-testid="notifications-filter-trigger"
          />
          <SelectField
            label="Line"
            value={form.lineId}
            onChange={(v) => set("lineId", v)}
            options={[{ value: "", label: "All lines" }, ...lines.map((l) => ({ value: l.id, label: `${l.prefix} · ${l.name}` }))]}
            data-testid="notifications-filter-line"
          />
          <div className="filters__buttons">
            <Button variant="ghost" onClick={() => setForm(emptyFilter)} disabled={form === emptyFilter}>
              Clear
            </Button>
          </div>
        </div>
      </form>
      {counts && (
        <ul className="status-counts" aria-label="Deliveries by status">
          {statuses.map((s) => (
            <li key={s}>
              <button type="button" aria-pressed={form.status === s} onClick={() => set("status", form.status === s ? "" : s)} data-testid={`notification-count-${s}`}>
                <span className="muted">{statusLabels[s]}</span>
                <strong>{countOf(counts, s)}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      {loading && <Loading label="Loading the delivery log…" />}
      {Boolean(error) && !notifications && <ErrorState error={error} onRetry={refetch} />}
      {notifications && notifications.length === 0 && <EmptyState title="Nothing sent">No notifications match these filters.</EmptyState>}
      {notifications && notifications.length > 0 && (
        <div className="card card--flush">
          <NotificationLogTable notifications={notifications} lineNames={lineNames} caption="Delivery log, newest first" />
          {hasMore && (
            <div className="load-more">
              <Button onClick={() => void loadMore()} busy={loadingMore} data-testid="notifications-load-more">
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
