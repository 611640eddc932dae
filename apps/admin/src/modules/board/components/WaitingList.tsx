import { useState, type DragEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDuration } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { ageLevel, extensionLabel, formatExtensionValue, reorder, secondsSince } from "../board-model";
import type { BoardTicket } from "../hooks/use-queue-board";
import { ChannelBadge, RunningLateMarker } from "./TicketMarkers";

/** Closes the surrounding <details> menu after a choice. */
function closeMenu(event: MouseEvent<HTMLElement>) {
  event.currentTarget.closest("details")?.removeAttribute("open");
}

interface Props {
  tickets: readonly BoardTicket[];
  now: number;
  waitingTtlSeconds: number | null | undefined;
  warnSeconds?: number | null | undefined;
  showEstimates: boolean;
  extensionSchema: Record<string, unknown> | null | undefined;
  canOperate: boolean;
  pending: string | null;
  onCall: (ticket: BoardTicket) => void;
  onMove: (ticket: BoardTicket, position: number) => Promise<void>;
  onTransfer: (ticket: BoardTicket) => void;
  onCancel: (ticket: BoardTicket) => void;
  onDetails: (ticket: BoardTicket) => void;
}

/**
 * The waiting list in queue order. Staff reorder by dragging a row or with the row's ↑/↓ buttons (touch and
 * keyboard); the new order shows at once and is replaced by the server's when the move returns.
 */
export function WaitingList({ tickets, now, waitingTtlSeconds, warnSeconds, showEstimates, extensionSchema, canOperate, pending, onCall, onMove, onTransfer, onCancel, onDetails }: Props) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [optimistic, setOptimistic] = useState<{ order: string[]; basis: string } | null>(null);
  const basis = tickets.map((t) => t.id).join(",");
  // A new server list replaces any optimistic order.
  const order = optimistic && optimistic.basis === basis ? optimistic.order.map((id) => tickets.find((t) => t.id === id)).filter((t): t is BoardTicket => Boolean(t)) : tickets;

  const move = async (ticket: BoardTicket, toIndex: number) => {
    const next = reorder(order, ticket.id, toIndex);
    setOptimistic({ order: next.map((t) => t.id), basis });
    await onMove(ticket, toIndex + 1);
    setOptimistic(null);
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const ticket = order.find((t) => t.id === dragged);
    setDragged(null);
    setDropIndex(null);
    if (!ticket) return;
    const from = order.indexOf(ticket);
    const to = index > from ? index - 1 : index;
    if (to !== from) void move(ticket, to);
  };

  if (order.length === 0) {
    return (
      <div className="state state--empty board__empty">
        <strong>{t("board.waitingList.emptyTitle")}</strong>
        <span>{t("board.waitingList.emptyBody")}</span>
      </div>
    );
  }

  return (
    <ol className="waiting" aria-label={t("board.waitingList.label")}>
      {order.map((ticket, index) => {
        const waited = secondsSince(ticket.joinedAt, now);
        const level = ageLevel(waited, waitingTtlSeconds, warnSeconds);
        const extensions = Object.entries(ticket.extensions ?? {});
        const busy = pending === ticket.id;
        return (
          <li
            key={ticket.id}
            className={`ticket ticket--${level}${dragged === ticket.id ? " ticket--dragging" : ""}${dropIndex === index ? " ticket--drop-before" : ""}${busy ? " ticket--busy" : ""}`}
            draggable={canOperate}
            onDragStart={(e) => {
              setDragged(ticket.id);
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", ticket.id);
            }}
            onDragEnd={() => {
              setDragged(null);
              setDropIndex(null);
            }}
            onDragOver={(e) => {
              if (!dragged) return;
              e.preventDefault();
              const rect = e.currentTarget.getBoundingClientRect();
              setDropIndex(e.clientY > rect.top + rect.height / 2 ? index + 1 : index);
            }}
            onDrop={(e) => onDrop(e, dropIndex ?? index)}
            aria-busy={busy || undefined}
          >
            <span className="ticket__position" aria-label={t("board.waitingList.position", { position: index + 1 })}>
              {index + 1}
            </span>
            <div className="ticket__main">
              <div className="ticket__headline">
                <button type="button" className="ticket__number" onClick={() => onDetails(ticket)} aria-label={t("board.waitingList.details", { number: ticket.number })}>
                  {ticket.number}
                </button>
                {ticket.ticketType && (
                  <span className="badge" title={ticket.ticketType.name}>
                    {ticket.ticketType.name}
                  </span>
                )}
                <ChannelBadge number={ticket.number} channel={ticket.channel} />
                {ticket.ranLateAt && <RunningLateMarker number={ticket.number} at={ticket.ranLateAt} />}
                {ticket.customerName && <span className="ticket__customer">{ticket.customerName}</span>}
                {ticket.partySize > 1 && <span className="muted">{t("board.waitingList.partyOf", { count: ticket.partySize })}</span>}
              </div>
              {extensions.length > 0 && (
                <dl className="ticket__extensions">
                  {extensions.map(([key, value]) => (
                    <div key={key}>
                      <dt>{extensionLabel(extensionSchema, key)}</dt>
                      <dd>{formatExtensionValue(value, { yes: t("board.yes"), no: t("board.no") })}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </div>
            <div className="ticket__timing">
              <span className={`age age--${level}`} title={t("board.waitingList.joined", { time: new Date(ticket.joinedAt).toLocaleTimeString() })}>
                {level !== "fresh" && <span className="visually-hidden">{level === "late" ? t("board.waitingList.waitingLong") : t("board.waitingList.aging")}</span>}
                {formatDuration(waited)}
              </span>
              {showEstimates && ticket.estimate && (
                <span className="muted" title={t("board.waitingList.p90", { duration: formatDuration(ticket.estimate.p90Seconds) })}>
                  {t("board.waitingList.estimate", { duration: formatDuration(ticket.estimate.p50Seconds) })}
                </span>
              )}
            </div>
            {canOperate && (
              <div className="ticket__actions">
                <Button size="sm" variant="primary" onClick={() => onCall(ticket)} busy={busy} aria-label={t("board.waitingList.callLabel", { number: ticket.number })}>
                  {t("board.waitingList.call")}
                </Button>
                <Button size="sm" variant="ghost" disabled={index === 0 || busy} onClick={() => void move(ticket, index - 1)} aria-label={t("board.waitingList.moveUp", { number: ticket.number })}>
                  ↑
                </Button>
                <Button size="sm" variant="ghost" disabled={index === order.length - 1 || busy} onClick={() => void move(ticket, index + 1)} aria-label={t("board.waitingList.moveDown", { number: ticket.number })}>
                  ↓
                </Button>
                <details className="menu">
                  <summary className="btn btn--ghost btn--sm" aria-label={t("board.waitingList.moreLabel", { number: ticket.number })}>
                    {t("board.waitingList.more")}
                  </summary>
                  <div className="menu__items">
                    <button
                      type="button"
                      className="menu__item"
                      onClick={(e) => {
                        closeMenu(e);
                        onTransfer(ticket);
                      }}
                    >
                      {t("board.waitingList.transfer")}
                    </button>
                    <button
                      type="button"
                      className="menu__item menu__item--danger"
                      onClick={(e) => {
                        closeMenu(e);
                        onCancel(ticket);
                      }}
                    >
                      {t("board.waitingList.cancel")}
                    </button>
                  </div>
                </details>
              </div>
            )}
          </li>
        );
      })}
      {dragged && (
        <li
          className={`ticket-drop-end${dropIndex === order.length ? " ticket--drop-before" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDropIndex(order.length);
          }}
          onDrop={(e) => onDrop(e, order.length)}
          aria-hidden="true"
        />
      )}
    </ol>
  );
}
