import { useState, type FormEvent } from "react";
import { boardHref } from "../../../app/router";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { JoinLink } from "../../join-links/components/JoinLink";
import { JoinPosterDialog } from "../../join-links/components/JoinPosterDialog";
import { brandingOf } from "../../join-links/poster";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { LineNotificationsDialog } from "../../notifications/components/LineNotificationsDialog";
import { useLines, type LineItem } from "../hooks/use-lines";
import { emptyLineForm, estimatorOptions, lineFormFrom, toCreateLineInput, toUpdateLineInput, weekdays } from "../line-form";
import { LineFormDialog } from "./LineFormDialog";
import { TicketTypesPanel } from "./TicketTypesPanel";

function AddCounterForm({ onAdd, busy }: { onAdd: (name: string) => Promise<Problem | null>; busy: boolean }) {
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem({ message: "Enter a name", code: null, fields: { name: "Enter a name" } });
      return;
    }
    const result = await onAdd(name);
    setProblem(result);
    if (!result) setName("");
  };
  return (
    <form className="counter-add" onSubmit={(e) => void submit(e)} noValidate>
      <input className="input input--compact" aria-label="New counter name" placeholder="Desk 3" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem ? true : undefined} />
      <Button size="sm" type="submit" busy={busy}>
        Add counter
      </Button>
      {problem && <span className="field__error">{problem.fields.name ?? problem.fields["input.name"] ?? problem.message}</span>}
    </form>
  );
}

function hoursSummary(line: LineItem): string {
  if (!line.openingHours?.length) return "Always open";
  return line.openingHours.map((p) => `${weekdays[p.day - 1]?.slice(0, 3) ?? p.day} ${p.opens}–${p.closes}`).join(", ");
}

export function LinesPage() {
  const { tenant, can } = useCurrentTenant();
  const { lines, ticketTypes, loading, error, refetch, createLine, updateLine, savingLine, createTicketType, creatingTicketType, createCounter, creatingCounter, setCounterOpen } =
    useLines(tenant.id);
  const [editing, setEditing] = useState<LineItem | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [poster, setPoster] = useState<LineItem | null>(null);
  const [notifications, setNotifications] = useState<LineItem | null>(null);
  const manage = can("lines:manage");
  const operate = can("tickets:operate");

  return (
    <section>
      <PageHeader
        title="Lines & counters"
        description="Each line is a queue with its own numbering, ticket types, hours and counters."
        actions={
          manage && (
            <Button variant="primary" onClick={() => setEditing("new")} disabled={!ticketTypes}>
              New line
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {loading && <Loading label="Loading lines…" />}
      {Boolean(error) && !lines && <ErrorState error={error} onRetry={refetch} />}
      {lines && lines.length === 0 && (
        <EmptyState title="No lines yet" action={manage ? <Button variant="primary" onClick={() => setEditing("new")}>Create the first line</Button> : undefined}>
          A line is a queue: a pharmacy counter, a returns desk, a restaurant's tables.
        </EmptyState>
      )}
      {lines && lines.length > 0 && (
        <div className="line-cards">
          {lines.map((line) => (
            <article key={line.id} className="card line-card" aria-labelledby={`line-${line.id}`}>
              <header className="line-card__header">
                <div>
                  <h2 id={`line-${line.id}`}>
                    <span className="prefix">{line.prefix}</span> {line.name}
                  </h2>
                  <p className="line-card__badges">
                    {line.acceptingTickets ? <span className="badge badge--ok">Accepting</span> : <span className="badge badge--danger">Not accepting</span>}
                    {line.openNow ? <span className="badge">Open now</span> : <span className="badge badge--inherited">Closed now</span>}
                    {line.remoteJoin && <span className="badge badge--own">Remote join</span>}
                  </p>
                </div>
                <div className="line-card__waiting">
                  <strong>{line.waitingCount}</strong>
                  <span className="muted">waiting</span>
                </div>
              </header>
              <dl className="facts">
                <div>
                  <dt>Ticket types</dt>
                  <dd>
                    {line.allowedTicketTypeIds.length === 0
                      ? "All"
                      : (ticketTypes ?? [])
                          .filter((t) => line.allowedTicketTypeIds.includes(t.id))
                          .map((t) => t.code)
                          .join(", ")}
                  </dd>
                </div>
                <div>
                  <dt>Hours</dt>
                  <dd>{hoursSummary(line)}</dd>
                </div>
                <div>
                  <dt>Estimates</dt>
                  <dd>
                    {estimatorOptions.find((o) => o.value === (line.estimator ?? ""))?.label.split(" —")[0] ?? line.estimator}
                    {line.showEstimates ? " · shown" : " · hidden"}
                  </dd>
                </div>
                <div>
                  <dt>Expiry</dt>
                  <dd>
                    {line.ttl.waitingSeconds ? `waiting ${Math.round(line.ttl.waitingSeconds / 60)} min` : "waiting: never"}
                    {line.ttl.warnSeconds ? ` · flag ${Math.round(line.ttl.warnSeconds / 60)} min` : ""}
                    {line.ttl.calledSeconds ? ` · called ${line.ttl.calledSeconds} s` : ""}
                  </dd>
                </div>
                <div>
                  <dt>Remote join</dt>
                  <dd>{line.remoteJoin ? "On: customers join from their phone" : "Off: kiosk and staff only"}</dd>
                </div>
                {line.capacity ? (
                  <div>
                    <dt>Capacity</dt>
                    <dd>{line.capacity}</dd>
                  </div>
                ) : null}
              </dl>
              {line.remoteJoin && (
                <div className="line-card__join">
                  <h3>Join from a phone</h3>
                  <JoinLink url={line.joinUrl} label={line.name} testId={`join-link-${line.prefix}`} onPoster={() => setPoster(line)} qrSize={96} />
                </div>
              )}
              <div className="counters">
                <h3>Counters</h3>
                {line.counters.length === 0 ? (
                  <p className="muted">No counters: staff call without one. Add desks or windows to show where to go.</p>
                ) : (
                  <ul className="counter-list">
                    {line.counters.map((c) => (
                      <li key={c.id}>
                        <span className={`dot ${c.isOpen ? "dot--ok" : "dot--off"}`} aria-hidden="true" />
                        {c.name}
                        <span className="muted">{c.isOpen ? "open" : "closed"}</span>
                        {operate && (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={async () => {
                              const result = await setCounterOpen(c.id, !c.isOpen);
                              setProblem(result.ok ? null : result.problem.message);
                            }}
                          >
                            {c.isOpen ? "Close" : "Open"}
                            <span className="visually-hidden"> {c.name}</span>
                          </Button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {manage && (
                  <AddCounterForm
                    busy={creatingCounter}
                    onAdd={async (name) => {
                      const result = await createCounter(line.id, name);
                      return result.ok ? null : result.problem;
                    }}
                  />
                )}
              </div>
              <footer className="line-card__footer">
                <a className="btn btn--primary btn--md" href={boardHref(tenant.id, line.id)}>
                  Open board
                </a>
                <Button onClick={() => setNotifications(line)} data-testid={`line-notifications-${line.prefix}`}>
                  Notifications
                </Button>
                {manage && (
                  <>
                    <Button onClick={() => setEditing(line)}>Edit</Button>
                    <Button
                      variant="ghost"
                      onClick={async () => {
                        const result = await updateLine(line.id, { acceptingTickets: !line.acceptingTickets });
                        setProblem(result.ok ? null : result.problem.message);
                      }}
                    >
                      {line.acceptingTickets ? "Stop accepting" : "Start accepting"}
                    </Button>
                  </>
                )}
              </footer>
            </article>
          ))}
        </div>
      )}
      {ticketTypes && (
        <TicketTypesPanel
          tenantId={tenant.id}
          ticketTypes={ticketTypes}
          canManage={manage}
          busy={creatingTicketType}
          onCreate={async (input) => {
            const result = await createTicketType(input);
            return result.ok ? null : result.problem;
          }}
        />
      )}
      {poster && <JoinPosterDialog url={poster.joinUrl} lineName={poster.name} branding={brandingOf(tenant)} testId={`join-poster-${poster.prefix}`} onClose={() => setPoster(null)} />}
      {notifications && <LineNotificationsDialog lineId={notifications.id} lineName={notifications.name} canEdit={manage} onClose={() => setNotifications(null)} />}
      {editing && (
        <LineFormDialog
          title={editing === "new" ? "New line" : `Edit ${editing.name}`}
          submitLabel={editing === "new" ? "Create line" : "Save line"}
          initial={editing === "new" ? emptyLineForm() : lineFormFrom(editing)}
          ticketTypes={ticketTypes ?? []}
          busy={savingLine}
          onClose={() => setEditing(null)}
          onSubmit={async (values) => {
            const result = editing === "new" ? await createLine(toCreateLineInput(tenant.id, values)) : await updateLine(editing.id, toUpdateLineInput(values));
            if (!result.ok) return result.problem;
            setEditing(null);
            return null;
          }}
        />
      )}
    </section>
  );
}
