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
  if (active.length === 0) return <p className="muted now-serving__empty">Nobody is being called or served.</p>;
  const sorted = [...active].sort((a, b) => Number(b.counter?.id === myCounterId) - Number(a.counter?.id === myCounterId));
  return (
    <ul className="now-serving" aria-label="Now serving">
      {sorted.map((t) => {
        const mine = myCounterId !== null && t.counter?.id === myCounterId;
        const counterName = t.counter?.name ?? counters.find((c) => c.id === t.counter?.id)?.name ?? "No counter";
        const since = t.status === "SERVING" ? t.servedAt : t.calledAt;
        const busy = pending === t.id;
        return (
          <li key={t.id} className={`serving-tile serving-tile--${t.status.toLowerCase()}${mine ? " serving-tile--mine" : ""}`} aria-busy={busy || undefined}>
            <div className="serving-tile__top">
              <span className="serving-tile__counter">
                {counterName}
                {mine && <span className="badge badge--own">Your counter</span>}
              </span>
              <span className="serving-tile__status">{t.status === "SERVING" ? "Serving" : "Called"}</span>
            </div>
            <strong className="serving-tile__number">{t.number}</strong>
            <span className="serving-tile__markers">
              <ChannelBadge number={t.number} channel={t.channel} />
              {t.ranLateAt && <RunningLateMarker number={t.number} at={t.ranLateAt} />}
            </span>
            <span className="muted">
              {t.customerName ?? t.ticketType?.name ?? ""} · {formatDuration(secondsSince(since, now))}
            </span>
            {canOperate && (
              <div className="serving-tile__actions">
                {t.status === "CALLED" && (
                  <Button size="sm" variant="primary" busy={busy} onClick={() => onStart(t)} aria-keyshortcuts={mine ? "S" : undefined}>
                    Start serving{mine ? " (S)" : ""}
                  </Button>
                )}
                <Button size="sm" variant={t.status === "SERVING" ? "primary" : "secondary"} busy={busy} onClick={() => onComplete(t)} aria-keyshortcuts={mine ? "C" : undefined}>
                  Complete{mine ? " (C)" : ""}
                </Button>
                {t.status === "CALLED" && (
                  <>
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => onNoShow(t)}>
                      No-show
                    </Button>
                    <Button size="sm" variant="ghost" disabled={busy} onClick={() => onRequeue(t)}>
                      Requeue
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
