import { useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { unlockAudio } from "../../../lib/audio";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading, MessagePage } from "../../../ui/states";
import { useTenantBranding } from "../../tenant/hooks/use-tenant-branding";
import { useCancelMyTicket } from "../hooks/use-cancel-my-ticket";
import { useLiveTicket } from "../hooks/use-live-ticket";
import { useYourTurnAlert } from "../hooks/use-your-turn-alert";

function notificationPermission(): NotificationPermission | "unsupported" {
  const N = (globalThis as { Notification?: typeof Notification }).Notification;
  return N ? N.permission : "unsupported";
}

/** `/ticket/<code>`: the customer's phone, opened from the QR code. */
export function CustomerTicketPage({ code, slug }: { code: string; slug: string | null }) {
  const { t } = useI18n();
  const live = useLiveTicket(code);
  const ticket = live.ticket;
  const tenant = useTenantBranding(slug);
  useYourTurnAlert(ticket?.status, ticket ? t.yourTurnNotification(ticket.number, ticket.counterName ?? null) : "");

  const [permission, setPermission] = useState(notificationPermission);
  const [confirming, setConfirming] = useState(false);
  const { cancel, cancelling, error: cancelError } = useCancelMyTicket(code);

  const header = <PublicHeader name={tenant?.name ?? "qline"} logoUrl={tenant?.theme.logoUrl} live />;
  if (live.loading) return <Loading />;
  if (live.error) return <CannotReach onRetry={live.refetch} />;
  if (!ticket) {
    return (
      <>
        {header}
        <MessagePage title={t.ticketNotFoundTitle} tone="warning">
          <p>{t.ticketNotFound}</p>
        </MessagePage>
      </>
    );
  }

  const askNotifications = async () => {
    unlockAudio(); // this tap also allows the "your turn" beep later
    const N = (globalThis as { Notification?: typeof Notification }).Notification;
    if (!N) return;
    setPermission(await N.requestPermission());
  };
  const confirmCancel = async () => {
    if (await cancel()) setConfirming(false);
  };

  const called = ticket.status === "CALLED";
  const active = ticket.status === "WAITING" || ticket.status === "CALLED";
  return (
    <div className={`customer ${called ? "customer--called" : ""}`}>
      {header}
      <main className="customer__body" onPointerDown={() => unlockAudio()}>
        {called ? (
          <div className="your-turn" role="alert" data-testid="your-turn">
            {t.yourTurn(ticket.counterName ?? null)}
          </div>
        ) : null}
        <p className="customer__label">{t.yourNumber}</p>
        <p className="customer__number" data-testid="customer-number">
          {ticket.number}
        </p>
        <p className="customer__line">{t.inLine(ticket.lineName)}</p>
        <p className={`status status--${ticket.status.toLowerCase()}`} data-testid="ticket-status" aria-live="polite">
          {t.status[ticket.status] ?? ticket.status}
        </p>
        {ticket.status === "WAITING" && ticket.position ? (
          <div className="customer__position" aria-live="polite">
            <p data-testid="ticket-position">{t.position(ticket.position)}</p>
            <p className="hint">{t.aheadOfYou(ticket.position - 1)}</p>
          </div>
        ) : null}

        {active ? (
          <>
            <p className="hint">{t.keepOpen}</p>
            {permission === "default" ? (
              <button type="button" className="button" onClick={() => void askNotifications()}>
                {t.notifyMe}
              </button>
            ) : permission === "granted" ? (
              <p className="hint">{t.notificationsOn}</p>
            ) : null}
            <div className="cancel">
              {confirming ? (
                <div className="confirm" role="alertdialog" aria-labelledby="cancel-confirm">
                  <p id="cancel-confirm">{t.cancelConfirm}</p>
                  <div className="actions">
                    <button type="button" className="button button--danger" onClick={() => void confirmCancel()} disabled={cancelling}>
                      {t.cancelYes}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(false)}>
                      {t.cancelNo}
                    </button>
                  </div>
                </div>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
                  {t.cancelTicket}
                </button>
              )}
              {cancelError ? (
                <p className="alert alert--error" role="alert">
                  {t.cancelFailed(cancelError)}
                </p>
              ) : null}
            </div>
          </>
        ) : null}
        {ticket.status === "CANCELLED" ? <p className="hint">{t.cancelled}</p> : null}
      </main>
    </div>
  );
}
