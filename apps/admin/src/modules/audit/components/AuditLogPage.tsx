import { useMemo, useState, type FormEvent } from "react";
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
  if (entry.before == null && entry.after == null) return <span className="muted">—</span>;
  return (
    <details className="audit__change">
      <summary>Details</summary>
      <div className="audit__diff">
        {entry.before != null && (
          <div>
            <strong>Before</strong>
            <pre>{JSON.stringify(entry.before, null, 2)}</pre>
          </div>
        )}
        {entry.after != null && (
          <div>
            <strong>After</strong>
            <pre>{JSON.stringify(entry.after, null, 2)}</pre>
          </div>
        )}
      </div>
    </details>
  );
}

export function AuditLogPage() {
  const { tenant } = useCurrentTenant();
  const [form, setForm] = useState<FilterForm>(emptyFilter);
  const [applied, setApplied] = useState<FilterForm>(emptyFilter);
  const filter = useMemo(() => toAuditFilter(applied), [applied]);
  const { entries, hasMore, loading, loadingMore, error, refetch, loadMore } = useAuditLog(tenant.id, filter);
  const { members } = useMembers(tenant.id);
  const names = new Map((members ?? []).map((m) => [m.userId, m.name]));
  const dateError = form.from && form.to && form.from > form.to ? "The end date is before the start date" : undefined;


  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dateError) setApplied(form);
  };

  return (
    <section>
      <PageHeader title="Audit log" description={`Who changed what in ${tenant.name} and below, newest first.`} />
      <form className="card form filters" onSubmit={submit} aria-label="Filter the audit log">
        <div className="filters__row">
          <SelectField
            label="Actor"
            value={form.actorId}
            onChange={(actorId) => setForm((f) => ({ ...f, actorId }))}
            options={[{ value: "", label: "Anyone" }, ...(members ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
          />
          <TextField label="Action" list="audit-actions" value={form.action} onChange={(action) => setForm((f) => ({ ...f, action }))} placeholder="e.g. member.add" />
          <datalist id="audit-actions">
            {knownActions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <TextField label="From" type="date" value={form.from} onChange={(from) => setForm((f) => ({ ...f, from }))} />
          <TextField label="To" type="date" value={form.to} onChange={(to) => setForm((f) => ({ ...f, to }))} error={dateError} />
          <div className="filters__buttons">
            <Button type="submit" variant="primary">
              Apply
            </Button>
            <Button
              variant="ghost"
              onClick={() => {
                setForm(emptyFilter);
                setApplied(emptyFilter);
              }}
            >
              Clear
            </Button>
          </div>
        </div>
      </form>
      {loading && <Loading label="Loading the audit log…" />}
      {Boolean(error) && !entries && <ErrorState error={error} onRetry={refetch} />}
      {entries && entries.length === 0 && <EmptyState title="Nothing recorded">No entries match these filters.</EmptyState>}
      {entries && entries.length > 0 && (
        <div className="card card--flush">
          <table className="table audit">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.createdAt)}</td>
                  <td>{actorLabel(entry, names)}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{targetLabel(entry)}</td>
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
                Load older entries
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
