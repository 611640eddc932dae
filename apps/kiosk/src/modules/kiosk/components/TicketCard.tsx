import { QRCodeSVG } from "qrcode.react";
import { useI18n } from "../../../i18n/i18n";
import { WaitEstimate } from "../../../ui/WaitEstimate";
import { usePublicEstimate } from "../hooks/use-public-estimate";
import type { IssuedTicket } from "../hooks/use-issue-ticket";

/** The issued ticket: number large, line, place, the customer's estimate (unless the server hides it) and the QR to follow it. */
export function TicketCard({
  ticket,
  lineName,
  trackingUrl,
  tenantName,
  onDone,
}: {
  ticket: IssuedTicket;
  lineName: string;
  trackingUrl: string;
  tenantName: string;
  onDone(): void;
}) {
  const { t } = useI18n();
  const estimate = usePublicEstimate(ticket.trackingCode);
  return (
    <section className="ticket-card print-area" aria-labelledby="ticket-number-label">
      <p className="ticket-card__tenant print-only">{tenantName}</p>
      <p id="ticket-number-label" className="ticket-card__label">
        {t.yourNumber}
      </p>
      <p className="ticket-card__number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p className="ticket-card__line">{t.inLine(lineName)}</p>
      {ticket.position ? <p className="ticket-card__position">{t.position(ticket.position)}</p> : null}
      <WaitEstimate estimate={estimate} className="ticket-card__estimate" testId="ticket-estimate" />
      <figure className="ticket-card__qr">
        <QRCodeSVG value={trackingUrl} size={220} marginSize={2} title={t.scanToFollow} />
        <figcaption>
          {t.scanToFollow}
          <br />
          <a href={trackingUrl} data-testid="tracking-link" className="ticket-card__link">
            {trackingUrl}
          </a>
        </figcaption>
      </figure>
      <div className="actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t.print}
        </button>
        <button type="button" className="button button--primary button--huge" onClick={onDone}>
          {t.done}
        </button>
      </div>
      <p className="hint no-print">{t.idleReset}</p>
    </section>
  );
}
