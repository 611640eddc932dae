import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useI18n } from "../../../i18n/i18n";
import { unlockAudio } from "../../../lib/audio";
import { toProblem } from "../../../lib/errors";
import { PublicHeader } from "../../../ui/PublicHeader";
import { CannotReach, Loading, MessagePage } from "../../../ui/states";
import { TenantBySlugQuery } from "../../tenant/graphql/tenant-by-slug.query";
import { useTenantTheme } from "../../tenant/components/TenantGate";
import { CancelMyTicketMutation } from "../graphql/cancel-my-ticket.mutation";
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
  // Branding only: the ticket page works without knowing the tenant.
  const brand = useQuery(TenantBySlugQuery, { variables: { slug: slug ?? "" }, skip: !slug, fetchPolicy: "cache-first" });
  const tenant = brand.data?.tenantBySlug ?? null;
  useTenantTheme(tenant?.theme);
  useYourTurnAlert(ticket?.status, ticket ? t.yourTurnNotification(ticket.number, ticket.counterName ?? null) : "");

  const [permission, setPermission] = useState(notificationPermission);
  const [confirming, setConfirming] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancel, cancelState] = useMutation(CancelMyTicketMutation);

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
    setCancelError(null);
    try {
      await cancel({ variables: { code } });
      setConfirming(false);
    } catch (error) {
      setCancelError(t.cancelFailed(toProblem(error).message));
    }
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
                    <button type="button" className="button button--danger" onClick={() => void confirmCancel()} disabled={cancelState.loading}>
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
                  {cancelError}
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
