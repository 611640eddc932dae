/**
 * Pure: what one lineUpdated event does to the board's data. The board applies events in their line's order
 * (LineEvent.seq) instead of re-reading the line on each one; it re-reads only when the data cannot be brought
 * up to date from the event alone (a missed event, settings changed, a ticket it does not know).
 */
import type { LineUpdatedSubscription, QueueBoardQuery } from "../../gql/graphql";

type BoardLine = NonNullable<QueueBoardQuery["line"]>;
type BoardTicket = BoardLine["waiting"]["nodes"][number];
export type BoardEvent = LineUpdatedSubscription["lineUpdated"];

/** How many waiting tickets the board lists: `first: 200` in queue-board.query.ts and line-updated.subscription.ts. */
export const WAITING_PAGE = 200;

/**
 * Why the board must re-read the line:
 * - `gap`: an event was missed (seq > last + 1, or SUBSCRIBED/RESYNCED ahead of the data);
 * - `resynced`: the server's event stream recovered from an outage (events may be lost);
 * - `settings`: LINE_UPDATED / COUNTER_UPDATED (line or counter settings, which events do not carry);
 * - `unknown-ticket`: the queue's front or now-serving names a ticket the board does not have.
 */
export type RereadReason = "gap" | "resynced" | "settings" | "unknown-ticket";

export type BoardEventStep = { action: "ignore" } | { action: "apply"; line: BoardLine } | { action: "reread"; reason: RereadReason };

const settingsKinds: ReadonlySet<string> = new Set(["LINE_UPDATED", "COUNTER_UPDATED"]);
const activeStatuses: ReadonlySet<string> = new Set(["CALLED", "SERVING"]);

const ignore: BoardEventStep = { action: "ignore" };
const reread = (reason: RereadReason): BoardEventStep => ({ action: "reread", reason });

/** `line.seq` is the number of the last event the data reflects. */
export function stepBoardEvent(line: BoardLine, event: BoardEvent): BoardEventStep {
  if (event.kind === "RESYNCED") return reread("resynced");
  if (event.seq <= line.seq) return ignore; // already in the data (a read at or after it, or applied)
  // SUBSCRIBED has no change of its own: ahead of the data means changes happened that the data lacks.
  if (event.seq > line.seq + 1 || event.kind === "SUBSCRIBED") return reread("gap");
  if (settingsKinds.has(event.kind)) return reread("settings");
  return applyBoardEvent(line, event);
}

/**
 * The next event in order (seq = line.seq + 1): the changed ticket moves between the waiting and the active
 * list by its status (or leaves the board: ended, or transferred to another line), the line's numbers come from
 * the stats, and the front of the queue takes the event's order, positions and estimates.
 */
export function applyBoardEvent(line: BoardLine, event: BoardEvent): BoardEventStep {
  let waiting = line.waiting.nodes;
  let active = line.active.nodes;
  if (event.ticket) {
    const { lineId, ...ticket } = event.ticket;
    const here = lineId === line.id;
    const wasWaiting = waiting.findIndex((t) => t.id === ticket.id);
    const wasActive = active.findIndex((t) => t.id === ticket.id);
    waiting = waiting.filter((t) => t.id !== ticket.id);
    active = active.filter((t) => t.id !== ticket.id);
    if (here && ticket.status === "WAITING") {
      const at = ticket.position !== null ? ticket.position - 1 : wasWaiting >= 0 ? wasWaiting : waiting.length;
      waiting = insertAt(waiting, ticket, at);
    } else if (here && activeStatuses.has(ticket.status)) {
      active = insertAt(active, ticket, wasActive >= 0 ? wasActive : active.length);
    }
  }

  // The front of the queue as the server ordered it. A window shorter than the page is the whole queue: a
  // ticket outside it no longer waits.
  const known = new Map(waiting.map((t) => [t.id, t]));
  const front: BoardTicket[] = [];
  for (const place of event.waiting) {
    const ticket = known.get(place.ticketId);
    if (!ticket) return reread("unknown-ticket");
    known.delete(place.ticketId);
    front.push({ ...ticket, position: place.position, estimate: place.estimate });
  }
  const rest = event.waiting.length < WAITING_PAGE ? [] : waiting.filter((t) => known.has(t.id));
  waiting = [...front, ...rest].slice(0, WAITING_PAGE);

  if (event.stats.nowServing.some((n) => !active.some((t) => t.id === n.ticketId))) return reread("unknown-ticket");

  return {
    action: "apply",
    line: {
      ...line,
      seq: event.seq,
      waitingCount: event.stats.waitingCount,
      estimatedWaitSeconds: event.stats.estimatedWaitSeconds,
      waiting: { ...line.waiting, nodes: waiting, pageInfo: { ...line.waiting.pageInfo, hasNextPage: event.stats.waitingCount > waiting.length } },
      active: { ...line.active, nodes: active },
    },
  };
}

function insertAt<T>(items: readonly T[], item: T, index: number): T[] {
  const next = [...items];
  next.splice(Math.max(0, Math.min(index, next.length)), 0, item);
  return next;
}
