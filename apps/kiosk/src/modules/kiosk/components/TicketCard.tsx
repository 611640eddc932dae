import { QRCodeSVG } from "qrcode.react";
import { useI18n } from "../../../i18n/i18n";
import { estimateBand } from "../../../lib/format";
import type { IssuedTicket } from "../hooks/use-issue-ticket";

/** The issued ticket: number large, line, place, estimate (unless the line hides it) and the QR to follow it. */
export function TicketCard({
  ticket,
  lineName,
  showEstimate,
  trackingUrl,
  tenantName,
  onDone,
}: {
  ticket: IssuedTicket;
  lineName: string;
  showEstimate: boolean;
  trackingUrl: string;
  tenantName: string;
  onDone(): void;
}) {
  const { t } = useI18n();
  const band = showEstimate ? estimateBand(ticket.estimate, t) : null;
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
      {band ? (
        <p className="ticket-card__estimate" data-testid="ticket-estimate">
          {band}
        </p>
      ) : null}
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
