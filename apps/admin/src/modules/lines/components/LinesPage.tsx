import { useCallback, useState, type FormEvent } from "react";
import { boardHref } from "../../../app/router";
import type { Problem } from "../../../lib/errors";
import { Button } from "../../../ui/Button";
import { ConfirmDialog } from "../../../ui/ConfirmDialog";
import { InlineRename } from "../../../ui/InlineRename";
import { UndoBar } from "../../../ui/UndoBar";
import { PageHeader } from "../../../ui/PageHeader";
import { Alert, EmptyState, ErrorState, Loading } from "../../../ui/states";
import { JoinLink } from "../../join-links/components/JoinLink";
import { JoinPosterDialog } from "../../join-links/components/JoinPosterDialog";
import { brandingOf } from "../../join-links/poster";
import { useCurrentTenant } from "../../tenants/hooks/use-current-tenant";
import { LineNotificationsDialog } from "../../notifications/components/LineNotificationsDialog";
import { useLines, type CounterItem, type LineItem } from "../hooks/use-lines";
import { useLinePreset } from "../hooks/use-line-preset";
import { emptyLineForm, estimatorKey, lineFormFrom, toCreateLineInput, toUpdateLineInput } from "../line-form";
import { LineFormDialog } from "./LineFormDialog";
import { TicketTypesPanel } from "./TicketTypesPanel";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";

function AddCounterForm({ onAdd, busy }: { onAdd: (name: string) => Promise<Problem | null>; busy: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      const message = t("lines.counters.enterName");
      setProblem({ message, code: null, fields: { name: message } });
      return;
    }
    const result = await onAdd(name);
    setProblem(result);
    if (!result) setName("");
  };
  return (
    <form className="counter-add" onSubmit={(e) => void submit(e)} noValidate>
      <input className="input input--compact" aria-label={t("lines.counters.newName")} placeholder={t("lines.counters.namePlaceholder")} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={problem ? true : undefined} />
      <Button size="sm" type="submit" busy={busy}>
        {t("lines.counters.add")}
      </Button>
      {problem && <span className="field__error">{problem.fields.name ?? problem.fields["input.name"] ?? problem.message}</span>}
    </form>
  );
}

function hoursSummary(line: LineItem, t: TFunction): string {
  if (!line.openingHours?.length) return t("lines.alwaysOpen");
  return line.openingHours.map((p) => `${t(`lines.weekdaysShort.${p.day}`, { defaultValue: String(p.day) })} ${p.opens}–${p.closes}`).join(", ");
}

/** What the page asks before doing: stopping a line (customers are turned away), archiving a line or counter. */
type Confirmation = { kind: "stop"; line: LineItem } | { kind: "archiveLine"; line: LineItem } | { kind: "archiveCounter"; counter: CounterItem; line: LineItem };

/** An action just done that can be taken back from the undo bar. */
interface Undoable {
  message: string;
  undo: () => Promise<string | null>;
}

export function LinesPage() {
  const { t } = useTranslation();
  const { tenant, can } = useCurrentTenant();
  const preset = useLinePreset(tenant.id);
  const linesState = useLines(tenant.id, { includeArchived: true });
  const { lines: allLines, ticketTypes: allTypes, loading, error, refetch, createLine, updateLine, savingLine, createTicketType, creatingTicketType, createCounter, creatingCounter, setCounterOpen } =
    linesState;
  const [editing, setEditing] = useState<LineItem | "new" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [poster, setPoster] = useState<LineItem | null>(null);
  const [notifications, setNotifications] = useState<LineItem | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [undoProblem, setUndoProblem] = useState<string | null>(null);
  const dismissUndo = useCallback(() => {
    setUndoable(null);
    setUndoProblem(null);
  }, []);
  const manage = can("lines:manage");
  const operate = can("tickets:operate");
  const lines = allLines?.filter((l) => !l.archivedAt) ?? null;
  const archivedLines = allLines?.filter((l) => l.archivedAt) ?? [];
  const ticketTypes = allTypes?.filter((type) => !type.archivedAt) ?? null;
  /** An estimator's short name (before " —"), or its code when the console does not know it. */
  const estimatorName = (value: string) => {
    const key = estimatorKey(value);
    return key ? (t(key).split(" —")[0] ?? value) : value;
  };

  const confirm = async (c: Confirmation) => {
    setConfirming(null);
    if (c.kind === "stop") {
      const result = await updateLine(c.line.id, { acceptingTickets: false });
      setProblem(result.ok ? null : result.problem.message);
      if (result.ok) {
        setUndoable({
          message: t("lines.stoppedAccepting", { name: c.line.name }),
          undo: async () => {
            const back = await updateLine(c.line.id, { acceptingTickets: true });
            return back.ok ? null : back.problem.message;
          },
        });
      }
    } else if (c.kind === "archiveLine") {
      const result = await linesState.archiveLine(c.line.id);
      setProblem(result.ok ? null : result.problem.message);
      if (result.ok) {
        setUndoable({
          message: t("lines.archived", { name: c.line.name }),
          undo: async () => {
            const back = await linesState.restoreLine(c.line.id);
            return back.ok ? null : back.problem.message;
          },
        });
      }
    } else {
      const result = await linesState.archiveCounter(c.counter.id);
      setProblem(result.ok ? null : result.problem.message);
    }
  };

  return (
    <section>
      <PageHeader
        title={t("lines.title")}
        description={t("lines.description")}
        actions={
          manage && (
            <Button variant="primary" onClick={() => setEditing("new")} disabled={!ticketTypes}>
              {t("lines.newLine")}
            </Button>
          )
        }
      />
      {problem && <Alert>{problem}</Alert>}
      {loading && <Loading label={t("lines.loading")} />}
      {Boolean(error) && !lines && <ErrorState error={error} onRetry={refetch} />}
      {lines && lines.length === 0 && (
        <EmptyState title={t("lines.noneTitle")} action={manage ? <Button variant="primary" onClick={() => setEditing("new")}>{t("lines.noneAction")}</Button> : undefined}>
          {t("lines.noneBody")}
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
                    {line.acceptingTickets ? <span className="badge badge--ok">{t("lines.accepting")}</span> : <span className="badge badge--danger">{t("lines.notAccepting")}</span>}
                    {line.openNow ? <span className="badge">{t("lines.openNow")}</span> : <span className="badge badge--inherited">{t("lines.closedNow")}</span>}
                    {line.remoteJoin && <span className="badge badge--own">{t("lines.remoteJoin")}</span>}
                  </p>
                </div>
                <div className="line-card__waiting">
                  <strong>{line.waitingCount}</strong>
                  <span className="muted">{t("lines.waiting")}</span>
                </div>
              </header>
              <dl className="facts">
                <div>
                  <dt>{t("lines.ticketTypes")}</dt>
                  <dd>
                    {line.allowedTicketTypeIds.length === 0
                      ? t("lines.allTypes")
                      : (ticketTypes ?? [])
                          .filter((type) => line.allowedTicketTypeIds.includes(type.id))
                          .map((type) => type.code)
                          .join(", ")}
                  </dd>
                </div>
                <div>
                  <dt>{t("lines.hours")}</dt>
                  <dd>{hoursSummary(line, t)}</dd>
                </div>
                <div>
                  <dt>{t("lines.estimates")}</dt>
                  <dd>
                    {estimatorName(line.estimator ?? "")}
                    {line.showEstimates ? t("lines.estimatesShown") : t("lines.estimatesHidden")}
                  </dd>
                </div>
                <div>
                  <dt>{t("lines.expiry")}</dt>
                  <dd>
                    {line.ttl.waitingSeconds ? t("lines.expiryWaiting", { minutes: Math.round(line.ttl.waitingSeconds / 60) }) : t("lines.expiryNever")}
                    {line.ttl.warnSeconds ? t("lines.expiryFlag", { minutes: Math.round(line.ttl.warnSeconds / 60) }) : ""}
                    {line.ttl.calledSeconds ? t("lines.expiryCalled", { seconds: line.ttl.calledSeconds }) : ""}
                  </dd>
                </div>
                <div>
                  <dt>{t("lines.remoteJoin")}</dt>
                  <dd>{line.remoteJoin ? t("lines.remoteJoinOn") : t("lines.remoteJoinOff")}</dd>
                </div>
                {line.capacity ? (
                  <div>
                    <dt>{t("lines.capacity")}</dt>
                    <dd>{line.capacity}</dd>
                  </div>
                ) : null}
              </dl>
              {line.remoteJoin && (
                <div className="line-card__join">
                  <h3>{t("lines.joinFromPhone")}</h3>
                  <JoinLink url={line.joinUrl} label={line.name} testId={`join-link-${line.prefix}`} onPoster={() => setPoster(line)} qrSize={96} />
                </div>
              )}
              <div className="counters">
                <h3>{t("lines.counters.title")}</h3>
                {line.counters.length === 0 ? (
                  <p className="muted">{t("lines.counters.none")}</p>
                ) : (
                  <ul className="counter-list">
                    {line.counters.map((c) => (
                      <li key={c.id}>
                        <span className={`dot ${c.isOpen ? "dot--ok" : "dot--off"}`} aria-hidden="true" />
                        {c.name}
                        <span className="muted">{c.isOpen ? t("lines.counters.open") : t("lines.counters.closed")}</span>
                        {operate && (
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={async () => {
                              const result = await setCounterOpen(c.id, !c.isOpen);
                              setProblem(result.ok ? null : result.problem.message);
                            }}
                          >
                            {c.isOpen ? t("lines.counters.closeAction") : t("lines.counters.openAction")}
                            <span className="visually-hidden"> {c.name}</span>
                          </Button>
                        )}
                        {manage && (
                          <>
                            <InlineRename
                              label={t("lines.counters.renameLabel", { name: c.name })}
                              name={c.name}
                              onRename={async (name) => {
                                const result = await linesState.renameCounter(c.id, name);
                                return result.ok ? null : result.problem;
                              }}
                            />
                            <Button size="sm" variant="ghost" onClick={() => setConfirming({ kind: "archiveCounter", counter: c, line })}>
                              {t("lines.archive")}
                              <span className="visually-hidden">{t("lines.counters.archiveHidden", { name: c.name })}</span>
                            </Button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {manage && line.allCounters.some((c) => c.archivedAt) && (
                  <details className="archived-section">
                    <summary>{t("lines.counters.archivedTitle")}</summary>
                    <ul className="archived-list">
                      {line.allCounters
                        .filter((c) => c.archivedAt)
                        .map((c) => (
                          <li key={c.id}>
                            {c.name}
                            <Button
                              size="sm"
                              onClick={async () => {
                                const result = await linesState.restoreCounter(c.id);
                                setProblem(result.ok ? null : result.problem.message);
                              }}
                            >
                              {t("lines.restore")}
                              <span className="visually-hidden">{t("lines.counters.archiveHidden", { name: c.name })}</span>
                            </Button>
                          </li>
                        ))}
                    </ul>
                  </details>
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
                  {t("lines.openBoard")}
                </a>
                <Button onClick={() => setNotifications(line)} data-testid={`line-notifications-${line.prefix}`}>
                  {t("lines.notifications")}
                </Button>
                {manage && (
                  <>
                    <Button onClick={() => setEditing(line)}>{t("lines.edit")}</Button>
                    <Button
                      variant="ghost"
                      onClick={async () => {
                        if (line.acceptingTickets) return setConfirming({ kind: "stop", line });
                        const result = await updateLine(line.id, { acceptingTickets: true });
                        setProblem(result.ok ? null : result.problem.message);
                      }}
                    >
                      {line.acceptingTickets ? t("lines.stopAccepting") : t("lines.startAccepting")}
                    </Button>
                    <Button variant="ghost" onClick={() => setConfirming({ kind: "archiveLine", line })}>
                      {t("lines.archive")}
                      <span className="visually-hidden"> {line.name}</span>
                    </Button>
                  </>
                )}
              </footer>
            </article>
          ))}
        </div>
      )}
      {manage && archivedLines.length > 0 && (
        <details className="card archived-section">
          <summary>{t("lines.archivedLines", { count: archivedLines.length })}</summary>
          <p className="muted">{t("lines.archivedLinesBody")}</p>
          <ul className="archived-list">
            {archivedLines.map((l) => (
              <li key={l.id}>
                <span className="prefix">{l.prefix}</span> {l.name}
                <Button
                  size="sm"
                  onClick={async () => {
                    const result = await linesState.restoreLine(l.id);
                    setProblem(result.ok ? null : result.problem.message);
                  }}
                >
                  {t("lines.restore")}
                  <span className="visually-hidden"> {l.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {allTypes && (
        <TicketTypesPanel
          tenantId={tenant.id}
          ticketTypes={allTypes}
          canManage={manage}
          busy={creatingTicketType}
          onCreate={async (input) => {
            const result = await createTicketType(input);
            return result.ok ? null : result.problem;
          }}
          onRename={async (id, name) => {
            const result = await linesState.updateTicketType(id, { name: name.trim() });
            return result.ok ? null : result.problem;
          }}
          onArchive={async (id, archive) => {
            const result = archive ? await linesState.archiveTicketType(id) : await linesState.restoreTicketType(id);
            setProblem(result.ok ? null : result.problem.message);
          }}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={
            confirming.kind === "stop"
              ? t("lines.confirmStopTitle", { name: confirming.line.name })
              : confirming.kind === "archiveLine"
                ? t("lines.confirmArchiveLineTitle", { name: confirming.line.name })
                : t("lines.confirmArchiveCounterTitle", { name: confirming.counter.name })
          }
          confirmLabel={confirming.kind === "stop" ? t("lines.stopAccepting") : t("lines.archive")}
          cancelLabel={t("lines.keepAsIs")}
          danger
          onClose={() => setConfirming(null)}
          onConfirm={() => void confirm(confirming)}
        >
          {confirming.kind === "stop" && (
            <p>{t("lines.confirmStopBody", { count: confirming.line.waitingCount })}</p>
          )}
          {confirming.kind === "archiveLine" && (
            <p>{t("lines.confirmArchiveLineBody")}</p>
          )}
          {confirming.kind === "archiveCounter" && <p>{t("lines.confirmArchiveCounterBody")}</p>}
        </ConfirmDialog>
      )}
      {undoable && (
        <UndoBar
          message={undoable.message}
          seconds={30}
          problem={undoProblem}
          onDismiss={dismissUndo}
          onUndo={async () => {
            const failed = await undoable.undo();
            if (failed) setUndoProblem(failed);
            else dismissUndo();
          }}
        />
      )}
      {poster && <JoinPosterDialog url={poster.joinUrl} lineName={poster.name} branding={brandingOf(tenant)} testId={`join-poster-${poster.prefix}`} onClose={() => setPoster(null)} />}
      {notifications && <LineNotificationsDialog lineId={notifications.id} lineName={notifications.name} canEdit={manage} onClose={() => setNotifications(null)} />}
      {editing && (
        <LineFormDialog
          title={editing === "new" ? t("lines.newLine") : t("lines.editTitle", { name: editing.name })}
          submitLabel={editing === "new" ? t("lines.createLine") : t("lines.saveLine")}
          initial={editing === "new" ? emptyLineForm(preset) : lineFormFrom(editing)}
          ticketTypes={ticketTypes ?? []}
          line={editing === "new" ? null : editing}
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
