import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { secondsSince } from "../board-model";
import type { BoardTicket } from "../hooks/use-queue-board";
import { ChannelBadge, RunningLateMarker } from "./TicketMarkers";

interface Props {
  active: readonly BoardTicket[];
  counters: readonly { id: string; name: string; isOpen: boolean }[];
  myCounterId: string | null;
  now: number;
  canOperate: boolean;
  pending: string | null;
  onStart: (t: BoardTicket) => void;
  onComplete: (t: BoardTicket) => void;
  onNoShow: (t: BoardTicket) => void;
  onRequeue: (t: BoardTicket) => void;
}

/** One tile per counter in use (and one for calls without a counter), the staff member's own first. */
export function NowServingPanel({ active, counters, myCounterId, now, canOperate, pending, onStart, onComplete, onNoShow, onRequeue }: Props) {
  const { t } = useTranslation();
  if (active.length === 0) return <p className="muted now-serving__empty">{t("board.serving.empty")}</p>;
  const sorted = [...active].sort((a, b) => Number(b.counter?.id === myCounterId) - Number(a.counter?.id === myCounterId));
  return (
    <ul className="now-serving" aria-label={t("board.serving.label")}>
      {sorted.map((ticket) => {
        const mine = myCounterId !== null && ticket.counter?.id === myCounterId;
        const counterName = ticket.counter?.name ?? counters.find((c) => c.id === ticket.counter?.id)?.name ?? t("board.serving.noCounter");
        const since = ticket.status === "SERVING" ? ticket.servedAt : ticket.calledAt;
        const busy = pending === ticket.id;
        return (
          <li key={ticket.id} className={`serving-tile serving-tile--${ticket.status.toLowerCase()}${mine ? " serving-tile--mine" : ""}`} aria-busy={busy || undefined}>
            <div className="serving-tile__top">
              <span className="serving-tile__counter">
                {counterName}
                {mine && <span className="badge badge--own">{t("board.serving.yourCounter")}</span>}
              </span>
              <span className="serving-tile__status">{ticket.status === "SERVING" ? t("board.serving.serving") : t("board.serving.called")}</span>
            </div>
            <strong className="serving-tile__number">{ticket.number}</strong>
            <span className="serving-tile__markers">
              <ChannelBadge number={ticket.number} channel={ticket.channel} />
              {ticket.ranLateAt && <RunningLateMarker number={ticket.number} at={ticket.ranLateAt} />}
            </span>
            <span className="muted">
              {ticket.customerName ?? ticket.ticketType?.name ?? ""} · {formatDuration(secondsSince(since, now))}
            </span>
            {canOperate && (
              <div className="serving-tile__actions">
                {ticket.status === "CALLED" && (
                  <Button size="sm" variant="primary" busy={busy} onClick={() => onStart(ticket)} aria-keyshortcuts={mine ? "S" : undefined}>
                    {t("board.serving.startServing")}
                    {mine ? " (S)" : ""}
                  </Button>
                )}
                <Button size="sm" variant={ticket.status === "SERVING" ? "primary" : "secondary"} busy={busy} onClick={() => onComplete(ticket)} aria-keyshortcuts={mine ? "C" : undefined}>
                  {t("board.serving.complete")}
                  {mine ? " (C)" : ""}
                </Button>
                {ticket.status === "CALLED" && (
                  <>
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => onNoShow(ticket)}>
                      {t("board.serving.noShow")}
                    </Button>
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => onRequeue(ticket)}>
                      {t("board.serving.requeue")}
                    </Button>
                  </>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
