import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { boardHref, navigate } from "../../../app/router";
import { formatDuration } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Alert } from "../../../ui/states";
import { UndoBar } from "../../../ui/UndoBar";
import { isShortcutTarget } from "../board-model";
import type { BoardLine, BoardTicket } from "../hooks/use-queue-board";
import type { TicketActions } from "../hooks/use-ticket-actions";
import { NowServingPanel } from "./NowServingPanel";
import { TicketDetailsDialog } from "./TicketDetailsDialog";
import { CancelDialog, NoShowDialog, TransferDialog } from "./TicketDialogs";
import { WalkInDialog } from "./WalkInDialog";
import { WaitingList } from "./WaitingList";

interface Props {
  line: BoardLine;
  now: number;
  live: boolean;
  canOperate: boolean;
  /** tickets:erase: the ticket details offer erasing the customer's data. */
  canErase?: boolean;
  /** May add walk-ins (tickets:issue). */
  canIssue?: boolean;
  /** After a walk-in was issued (the board itself shows it when its ISSUED event arrives). */
  onTicketIssued?: () => void;
  actions: TicketActions;
  myCounterId: string | null;
  onChooseCounter: (counterId: string | null) => void;
}

/** The screen staff keep open all day: who waits, who is being served where, and the big Call next button. */
export function QueueBoard({ line, now, live, canOperate, canIssue = false, canErase = false, onTicketIssued, actions, myCounterId, onChooseCounter }: Props) {
  const { t } = useTranslation();
  const [transfer, setTransfer] = useState<BoardTicket | null>(null);
  const [cancel, setCancel] = useState<BoardTicket | null>(null);
  const [details, setDetails] = useState<BoardTicket | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const [noShow, setNoShow] = useState<BoardTicket | null>(null);
  /** The last no-show, while its Undo is offered (the API allows 5 minutes; the bar stays 60 s). */
  const [undoable, setUndoable] = useState<BoardTicket | null>(null);
  const dismissUndo = useCallback(() => setUndoable(null), []);
  const [announcement, setAnnouncement] = useState("");
  const waiting = line.waiting.nodes;
  const active = line.active.nodes;
  const counter = line.counters.find((c) => c.id === myCounterId) ?? null;
  const mine = active.filter((t) => (myCounterId ? t.counter?.id === myCounterId : !t.counter));
  const myCalled = mine.find((t) => t.status === "CALLED") ?? null;
  const myCurrent = mine.find((t) => t.status === "SERVING") ?? myCalled;

  const callNext = async () => {
    const ticket = await actions.callNext(myCounterId);
    if (ticket) setAnnouncement(counter ? t("board.calledTo", { number: ticket.number, counter: counter.name }) : t("board.called", { number: ticket.number }));
    else if (ticket === null) setAnnouncement(t("board.nobodyWaiting"));
  };

  // Keyboard shortcuts: N call next, S start serving, C complete (for this staff member's counter).
  const latest = useRef({ callNext, myCalled, myCurrent, actions, canOperate, pending: actions.pending });
  latest.current = { callNext, myCalled, myCurrent, actions, canOperate, pending: actions.pending };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = latest.current;
      if (!s.canOperate || s.pending || event.ctrlKey || event.metaKey || event.altKey || !isShortcutTarget(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "n") {
        event.preventDefault();
        void s.callNext();
      } else if (key === "s" && s.myCalled) {
        event.preventDefault();
        void s.actions.startServing(s.myCalled.id);
      } else if (key === "c" && s.myCurrent) {
        event.preventDefault();
        void s.actions.complete(s.myCurrent.id, s.myCurrent.status);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const otherLines = line.tenant.lines.filter((l) => l.id !== line.id);

  return (
    <div className="board">
      <header className="board__header">
        <div>
          <h1>
            <span className="prefix">{line.prefix}</span> {line.name}
          </h1>
          {otherLines.length > 0 && (
            <label className="board__switch">
              <span className="visually-hidden">{t("board.switchLine")}</span>
              <select className="input input--compact" value={line.id} onChange={(e) => navigate(boardHref(line.tenantId, e.target.value))}>
                {line.tenant.lines.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.prefix} · {l.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="board__meta">
            {line.acceptingTickets ? <span className="badge badge--ok">{t("board.accepting")}</span> : <span className="badge badge--danger">{t("board.notAccepting")}</span>}
            {!line.openNow && <span className="badge badge--inherited">{t("board.outsideHours")}</span>}
            {!live && <span className="badge badge--danger">{t("board.notLive")}</span>}
          </p>
        </div>
        {canIssue && (
          <Button className="board__walk-in" onClick={() => setWalkIn(true)} data-testid="add-walk-in">
            {t("board.addWalkIn")}
          </Button>
        )}
        <div className="board__stats">
          <div>
            <strong data-testid="waiting-count">{line.waitingCount}</strong>
            <span>{t("board.waiting")}</span>
          </div>
          {line.showEstimates && line.estimatedWaitSeconds != null && (
            <div>
              <strong>{formatDuration(line.estimatedWaitSeconds)}</strong>
              <span>{t("board.estWait")}</span>
            </div>
          )}
        </div>
      </header>

      {actions.problem && (
        <div className="board__problem">
          <Alert>
            {actions.problem.message} <span className="muted">{t("board.currentState")}</span>
          </Alert>
          <Button size="sm" variant="ghost" onClick={actions.clearProblem}>
            {t("board.dismiss")}
          </Button>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <div className="board__grid">
        <section className="board__desk" aria-labelledby="desk-title">
          <h2 id="desk-title" className="visually-hidden">
            {t("board.yourDesk")}
          </h2>
          {canOperate && (
            <div className="card desk">
              {line.counters.length > 0 && (
                <label className="desk__counter">
                  <span>{t("board.yourCounter")}</span>
                  <select className="input" value={myCounterId ?? ""} onChange={(e) => onChooseCounter(e.target.value || null)}>
                    <option value="">{t("board.noCounter")}</option>
                    {line.counters.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                        {c.isOpen ? "" : t("board.counterClosedSuffix")}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {counter && (
                <div className="desk__status">
                  <span>
                    <span className={`dot ${counter.isOpen ? "dot--ok" : "dot--off"}`} aria-hidden="true" /> {t(counter.isOpen ? "board.counterIsOpen" : "board.counterIsClosed", { name: counter.name })}
                  </span>
                  <Button size="sm" variant="ghost" busy={actions.pending === `counter:${counter.id}`} onClick={() => void actions.setCounterOpen(counter.id, !counter.isOpen)}>
                    {counter.isOpen ? t("board.closeCounter") : t("board.openCounter")}
                  </Button>
                </div>
              )}
              <Button
                variant="primary"
                size="lg"
                className="call-next"
                busy={actions.pending === "next"}
                disabled={(waiting.length === 0 && line.waitingCount === 0) || (counter !== null && !counter.isOpen)}
                onClick={() => void callNext()}
                aria-keyshortcuts="N"
              >
                {t("board.callNext")}
                <span className="call-next__hint">N</span>
              </Button>
              <p className="desk__shortcuts muted">
                {t("board.shortcuts")} <kbd>N</kbd> {t("board.shortcutCallNext")} · <kbd>S</kbd> {t("board.shortcutStart")} · <kbd>C</kbd> {t("board.shortcutComplete")}
              </p>
            </div>
          )}
          <div className="card">
            <h2 className="card__title">{t("board.nowServing")}</h2>
            <NowServingPanel
              active={active}
              counters={line.counters}
              myCounterId={myCounterId}
              now={now}
              canOperate={canOperate}
              pending={actions.pending}
              onStart={(t) => void actions.startServing(t.id)}
              onComplete={(t) => void actions.complete(t.id, t.status)}
              onNoShow={setNoShow}
              onRequeue={(t) => void actions.requeue(t.id)}
            />
          </div>
        </section>

        <section className="card board__queue" aria-labelledby="queue-title">
          <h2 id="queue-title" className="card__title">
            {t("board.waitingHeading")} <span className="muted">({line.waitingCount})</span>
          </h2>
          <WaitingList
            tickets={waiting}
            now={now}
            waitingTtlSeconds={line.ttl.waitingSeconds}
            warnSeconds={line.ttl.warnSeconds}
            showEstimates={line.showEstimates}
            extensionSchema={line.tenant.ticketExtensionSchema}
            canOperate={canOperate}
            pending={actions.pending}
            onCall={(t) => void actions.call(t.id, myCounterId)}
            onMove={(t, position) => actions.move(t.id, position)}
            onTransfer={setTransfer}
            onCancel={setCancel}
            onDetails={setDetails}
          />
          {line.waiting.pageInfo.hasNextPage && <p className="muted">{t("board.showingFirst", { count: waiting.length })}</p>}
        </section>
      </div>

      {transfer && (
        <TransferDialog
          ticket={transfer}
          lines={otherLines}
          onClose={() => setTransfer(null)}
          onTransfer={(lineId) => {
            setTransfer(null);
            void actions.transfer(transfer.id, lineId);
          }}
        />
      )}
      {details && <TicketDetailsDialog ticketId={details.id} number={details.number} extensionSchema={line.tenant.ticketExtensionSchema} canErase={canErase} onClose={() => setDetails(null)} />}
      {walkIn && (
        <WalkInDialog
          lineId={line.id}
          lineName={line.name}
          extensionSchema={line.tenant.ticketExtensionSchema}
          onClose={() => setWalkIn(false)}
          onIssued={(ticket) => {
            setWalkIn(false);
            setAnnouncement(t("board.addedWalkIn", { number: ticket.number }));
            onTicketIssued?.();
          }}
        />
      )}
      {noShow && (
        <NoShowDialog
          ticket={noShow}
          onClose={() => setNoShow(null)}
          onConfirm={async () => {
            setNoShow(null);
            if (await actions.noShow(noShow.id)) {
              setUndoable(noShow);
              setAnnouncement(t("board.markedNoShow", { number: noShow.number }));
            }
          }}
        />
      )}
      {undoable && (
        <UndoBar
          message={t("board.noShowUndoBar", { number: undoable.number })}
          seconds={60}
          onDismiss={dismissUndo}
          onUndo={async () => {
            if (await actions.undoNoShow(undoable.id)) {
              setAnnouncement(t("board.waitingAgain", { number: undoable.number }));
              dismissUndo();
            }
          }}
        />
      )}
      {cancel && (
        <CancelDialog
          ticket={cancel}
          onClose={() => setCancel(null)}
          onCancel={(reason) => {
            setCancel(null);
            void actions.cancel(cancel.id, reason);
          }}
        />
      )}
    </div>
  );
}
