import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { AuditFilterInput } from "../../../gql/graphql";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { SelectField, TextField } from "../../../ui/Field";
import { PageHeader } from "../../../ui/PageHeader";
import { EmptyState, ErrorState, Loading } from "../../../ui/states";
import { useMembers } from "../../members/hooks/use-members";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { actorLabel, targetLabel } from "../audit-labels";
import { useAuditLog, type AuditEntry } from "../hooks/use-audit-log";

const knownActions = [
  "tenant.create",
  "tenant.update",
  "tenant.move",
  "member.add",
  "member.update_role",
  "member.remove",
  "apikey.create",
  "apikey.revoke",
  "device.create",
  "device.pair",
  "device.pairing.renew",
  "device.update",
  "device.revoke",
  "line.create",
  "line.update",
  "ticket_type.create",
  "counter.create",
  "ticket_extension_schema.set",
];

interface FilterForm {
  actorId: string;
  action: string;
  from: string;
  to: string;
}
const emptyFilter: FilterForm = { actorId: "", action: "", from: "", to: "" };

/** Dates from the form are local days: `from` starts at local midnight, `to` includes the whole day. */
export function toAuditFilter(form: FilterForm): AuditFilterInput {
  const filter: AuditFilterInput = {};
  if (form.actorId) filter.actorId = form.actorId;
  if (form.action.trim()) filter.action = form.action.trim();
  if (form.from) filter.from = new Date(`${form.from}T00:00:00`).toISOString();
  if (form.to) filter.to = new Date(new Date(`${form.to}T00:00:00`).getTime() + 86_400_000).toISOString();
  return filter;
}

function Change({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  if (entry.before == null && entry.after == null) return <span className="muted">—</span>;
  return (
    <details className="audit__change">
      <summary>{t("audit.details")}</summary>
      <div className="audit__diff">
        {entry.before != null && (
          <div>
            <strong>{t("audit.before")}</strong>
            <pre>{JSON.stringify(entry.before, null, 2)}</pre>
          </div>
        )}
        {entry.after != null && (
          <div>
            <strong>{t("audit.after")}</strong>
            <pre>{JSON.stringify(entry.after, null, 2)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const { tenant } = useCurrentTenant();
  const [form, setForm] = useState<FilterForm>(emptyFilter);
  const [applied, setApplied] = useState<FilterForm>(emptyFilter);
  const filter = useMemo(() => toAuditFilter(applied), [applied]);
  const { entries, hasMore, loading, loadingMore, error, refetch, loadMore } = useAuditLog(tenant.id, filter);
  const { members } = useMembers(tenant.id);
  const names = new Map((members ?? []).map((m) => [m.userId, m.name]));
  const dateError = form.from && form.to && form.from > form.to ? t("audit.dateOrder") : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dateError) setApplied(form);
  };

  return (
    <section>
      <PageHeader title={t("audit.title")} description={t("audit.description", { name: tenant.name })} />
      <form className="card form filters" onSubmit={submit} aria-label={t("audit.filterForm")}>
        <div className="filters__row">
          <SelectField
            label={t("audit.actor")}
            value={form.actorId}
            onChange={(actorId) => setForm((f) => ({ ...f, actorId }))}
            options={[{ value: "", label: t("audit.anyone") }, ...(members ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
          />
          <TextField label={t("audit.action")} list="audit-actions" value={form.action} onChange={(action) => setForm((f) => ({ ...f, action }))} placeholder={t("audit.actionPlaceholder")} />
          <datalist id="audit-actions">
            {knownActions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <TextField label={t("audit.from")} type="date" value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} />
          <TextField label={t("audit.to")} type="date" value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} error={dateError} />
          <div className="filters__buttons">
            <Button type="submit" variant="primary">
              {t("audit.apply")}
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setForm(emptyFilter);
                setApplied(emptyFilter);
              }}
            >
              {t("audit.clear")}
            </Button>
          </div>
        </div>
      </form>
      {loading && <Loading label={t("audit.loading")} />}
      {Boolean(error) && !entries && <ErrorState error={error} onRetry={refetch} />}
      {entries && entries.length === 0 && <EmptyState title={t("audit.noneTitle")}>{t("audit.noneBody")}</EmptyState>}
      {entries && entries.length > 0 && (
        <div className="card card--flush">
          <table className="table audit">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
                  <td>{actorLabel(entry, t, names)}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{targetLabel(entry, t)}</td>
                  <td>
                    <Change entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasMore && (
            <div className="load-more">
              <Button onClick={() => void loadMore()} busy={loadingMore}>
                {t("audit.loadOlder")}
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
