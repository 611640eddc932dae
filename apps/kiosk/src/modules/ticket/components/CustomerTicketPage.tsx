import { useState } from "react";
import { tenantPath } from "../../../app/routes";
import { useI18n } from "../../../i18n/i18n";
import { unlockAudio } from "../../../lib/audio";
import { clockTime, updatedAgo } from "../../../lib/format";
import { useNow } from "../../../lib/use-now";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading, MessagePage } from "../../../ui/states";
import { WaitEstimate } from "../../../ui/WaitEstimate";
import { useTenantBranding } from "../../tenant/hooks/use-tenant-branding";
import { useCancelMyTicket } from "../hooks/use-cancel-my-ticket";
import { useLiveTicket, type LiveTicket } from "../hooks/use-live-ticket";
import { useRunningLate } from "../hooks/use-running-late";
import type { ActionFailure } from "../hooks/use-ticket-action";
import { useYourTurnAlert } from "../hooks/use-your-turn-alert";
import { PushToggle } from "./PushToggle";

function notificationPermission(): NotificationPermission | "unsupported" {
  const N = (globalThis as { Notification?: typeof Notification }).Notification;
  return N ? N.permission : "unsupported";
}

/**
 * A transfer shows as the ticket, still WAITING, in another line: remember the line first seen and say where it
 * moved when the name changes. (State updated during render, React's pattern for "previous value".)
 */
function useMovedTo(lineName: string | undefined, status: string | undefined): string | null {
  const [seen, setSeen] = useState(lineName);
  const [movedTo, setMovedTo] = useState<string | null>(null);
  if (lineName !== seen) {
    setSeen(lineName);
    if (seen !== undefined && lineName !== undefined && status === "WAITING") setMovedTo(lineName);
  }
  return status === "WAITING" ? movedTo : null;
}

/** `/ticket/<code>`: the customer's phone, opened from the QR code or after joining online. */
export function CustomerTicketPage({ code, slug, viaHost = false }: { code: string; slug: string | null; viaHost?: boolean }) {
  const { t } = useI18n();
  const live = useLiveTicket(code);
  const ticket = live.ticket;
  const tenant = useTenantBranding(slug ?? ticket?.tenantSlug ?? null);
  // With Web Push on, the service worker shows the system notification; the open page still vibrates and beeps.
  useYourTurnAlert(ticket?.status, ticket ? t.yourTurnNotification(ticket.number, ticket.counterName ?? null) : "", ticket?.pushEnabled ?? false);
  const movedTo = useMovedTo(ticket?.lineName, ticket?.status);

  // The live dot only while the ticket can still change: an ended ticket is final, whatever the connection.
  const header = (live: boolean) => <PublicHeader name={tenant?.name ?? "qline"} logoUrl={tenant?.theme.logoUrl} live={live} />;
  if (live.loading) return <Loading />;
  if (live.error) return <CannotReach onRetry={live.refetch} />;
  if (!ticket) {
    return (
      <>
        {header(false)}
        <MessagePage title={t.ticketNotFoundTitle} tone="warning">
          <p>{t.ticketNotFound}</p>
        </MessagePage>
      </>
    );
  }
  if (live.ended) {
    return (
      <>
        {header(false)}
        <EndedTicket ticket={ticket} viaHost={viaHost} />
      </>
    );
  }
  return (
    <div className={`customer ${ticket.status === "CALLED" ? "customer--called" : ""}`}>
      {header(true)}
      <ActiveTicket ticket={ticket} receivedAt={live.receivedAt} movedTo={movedTo} refetch={live.refetch} />
    </div>
  );
}

/** Served, cancelled, missed or expired: final, so nothing to do and nothing live. */
function EndedTicket({ ticket, viaHost }: { ticket: LiveTicket; viaHost: boolean }) {
  const { t } = useI18n();
  const joinAgain = ticket.channel === "REMOTE" ? tenantPath(ticket.tenantSlug, viaHost, "join") : null;
  return (
    <main className={`ended ended--${ticket.status.toLowerCase()}`} data-testid="ended-page" aria-labelledby="ended-title">
      <h1 id="ended-title">{t.endedTitle[ticket.status] ?? ticket.status}</h1>
      <p className="customer__label">{t.yourNumber}</p>
      <p className="customer__number" data-testid="customer-number">
        {ticket.number}
      </p>
      <p className={`status status--${ticket.status.toLowerCase()}`} data-testid="ticket-status">
        {t.status[ticket.status] ?? ticket.status}
      </p>
      <p>{t.endedText[ticket.status]}</p>
      {joinAgain ? (
        <p>
          <a className="button" href={joinAgain}>
            {t.takeNewTicket}
          </a>
        </p>
      ) : null}
    </main>
  );
}

function ActiveTicket({ ticket, receivedAt, movedTo, refetch }: { ticket: LiveTicket; receivedAt: number | null; movedTo: string | null; refetch(): void }) {
  const { t, language } = useI18n();
  const now = useNow(15_000);
  const [permission, setPermission] = useState(notificationPermission);
  const [confirming, setConfirming] = useState<"cancel" | "late" | null>(null);
  const cancel = useCancelMyTicket(ticket.trackingCode, refetch);
  const late = useRunningLate(ticket.trackingCode, refetch);

  const askNotifications = async () => {
    unlockAudio(); // this tap also allows the "your turn" beep later
    const N = (globalThis as { Notification?: typeof Notification }).Notification;
    if (!N) return;
    setPermission(await N.requestPermission());
  };
  const confirmAction = async (action: typeof cancel) => {
    await action.act();
    setConfirming(null);
  };

  const waiting = ticket.status === "WAITING";
  const cancellable = waiting || ticket.status === "CALLED";
  const failure: ActionFailure | null = late.failure ?? cancel.failure;
  return (
    <main className="customer__body" onPointerDown={() => unlockAudio()}>
      {ticket.status === "CALLED" ? (
        <div className="your-turn" role="alert" data-testid="your-turn">
          {t.yourTurn(ticket.counterName ?? null)}
        </div>
      ) : null}
      <p className="customer__label">{t.yourNumber}</p>
      <p className="customer__number" data-testid="customer-number">
        {ticket.number}
      </p>
      <p className="customer__line">{t.inLine(ticket.lineName)}</p>
      {movedTo ? (
        <p className="alert" role="status" data-testid="ticket-moved">
          {t.movedTo(movedTo)}
        </p>
      ) : null}
      <p className={`status status--${ticket.status.toLowerCase()}`} data-testid="ticket-status" aria-live="polite">
        {t.status[ticket.status] ?? ticket.status}
      </p>

      {waiting && ticket.position ? (
        <div className="customer__position" aria-live="polite">
          <p data-testid="ticket-position">{t.position(ticket.position)}</p>
          <p className="customer__ahead" data-testid="ticket-ahead">
            {t.aheadCount(ticket.position - 1)}
          </p>
        </div>
      ) : null}
      {waiting ? <WaitEstimate estimate={ticket.estimate} className="customer__estimate" /> : null}
      {receivedAt !== null ? (
        <p className="hint last-updated" data-testid="last-updated">
          <time dateTime={new Date(receivedAt).toISOString()} title={clockTime(receivedAt, language)}>
            {t.lastUpdated(updatedAgo(receivedAt, now, language))}
          </time>
        </p>
      ) : null}

      {failure ? (
        <p className="alert alert--error" role="alert" data-testid="action-failed">
          {failure.kind === "no-longer-possible" ? t.noLongerPossible : t.cancelFailed(failure.message)}
        </p>
      ) : null}

      {ticket.ranLateAt ? (
        <p className="hint" data-testid="ran-late">
          {t.ranLate(clockTime(ticket.ranLateAt, language))}
        </p>
      ) : null}
      {waiting && ticket.canRunLate ? (
        confirming === "late" ? (
          <div className="confirm" role="alertdialog" aria-labelledby="late-confirm">
            <p id="late-confirm">{t.runningLateConfirm(ticket.runningLatePlaces)}</p>
            <div className="actions">
              <button type="button" className="button button--primary" onClick={() => void confirmAction(late)} disabled={late.busy}>
                {t.runningLateYes}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(null)} autoFocus>
                {t.runningLateNo}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--wide" data-testid="running-late" onClick={() => setConfirming("late")}>
            {t.runningLate}
          </button>
        )
      ) : null}

      <section className="walk-away" aria-label={t.copyLink}>
        <p className="hint">{t.leaveAndComeBack}</p>
        <CopyLink />
        <PushToggle
          code={ticket.trackingCode}
          pushEnabled={ticket.pushEnabled}
          fallback={
            // No Web Push here: an in-page notification, shown only while this page stays open.
            permission === "default" ? (
              <button type="button" className="button button--wide" onClick={() => void askNotifications()}>
                {t.notifyMe}
              </button>
            ) : permission === "granted" ? (
              <p className="hint">{t.notificationsOn}</p>
            ) : null
          }
        />
      </section>

      {cancellable ? (
        <div className="cancel">
          {confirming === "cancel" ? (
            <div className="confirm" role="alertdialog" aria-labelledby="cancel-confirm">
              <p id="cancel-confirm">{t.cancelConfirm}</p>
              <div className="actions">
                <button type="button" className="button button--danger" onClick={() => void confirmAction(cancel)} disabled={cancel.busy}>
                  {t.cancelYes}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(null)} autoFocus>
                  {t.cancelNo}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--quiet" data-testid="cancel-ticket" onClick={() => setConfirming("cancel")}>
              {t.cancelTicket}
            </button>
          )}
        </div>
      ) : null}
    </main>
  );
}

/** This page's address to the clipboard, so the customer can come back to it; the address shown where that fails. */
function CopyLink() {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "show">("idle");
  const href = window.location.href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setState("copied");
    } catch {
      setState("show"); // no clipboard (http, old browser): let them copy it by hand
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="button button--wide" data-testid="copy-link" onClick={() => void copy()}>
        {t.copyLink}
      </button>
      <span role="status" className="hint">
        {state === "copied" ? t.linkCopied : ""}
      </span>
      {state === "show" ? <input className="copy-link__url" readOnly value={href} aria-label={t.copyLink} onFocus={(e) => e.currentTarget.select()} autoFocus /> : null}
    </div>
  );
}
