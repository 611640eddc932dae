/**
 * Pure: what one lineUpdated event does to a line on the display. The display applies events in their line's
 * order (LineEvent.seq) instead of re-reading on each one; it re-reads only when an event cannot be applied (a
 * missed event, a resync, line or counter settings, a ticket at the front it has no number for).
 */
import type { DisplayBoardQuery, LineUpdatedSubscription } from "../../gql/graphql";

type DisplayLine = NonNullable<DisplayBoardQuery["tenant"]>["lines"][number];
export type DisplayEvent = LineUpdatedSubscription["lineUpdated"];

export type DisplayEventStep = { action: "ignore" } | { action: "apply"; line: DisplayLine } | { action: "reread" };

const settingsKinds: ReadonlySet<string> = new Set(["LINE_UPDATED", "COUNTER_UPDATED"]);

/**
 * `line.seq` is the number of the last event the line reflects. `front` is how many waiting tickets the event
 * names (the subscription's `waiting(first:)`); `keep` how many the line keeps numbers for (the query's `first`).
 */
export function stepDisplayEvent(line: DisplayLine, event: DisplayEvent, sizes: { front: number; keep: number }): DisplayEventStep {
  if (event.kind === "RESYNCED") return { action: "reread" };
  if (event.seq <= line.seq) return { action: "ignore" };
  if (event.seq > line.seq + 1 || event.kind === "SUBSCRIBED" || settingsKinds.has(event.kind)) return { action: "reread" };

  // The waiting tickets the display knows the numbers of, in queue order as far as it knows.
  let known = line.tickets.nodes;
  const changed = event.ticket;
  if (changed) {
    known = known.filter((t) => t.id !== changed.id);
    if (changed.lineId === line.id && changed.status === "WAITING") {
      const at = Math.max(0, Math.min((changed.position ?? known.length + 1) - 1, known.length));
      known = [...known.slice(0, at), changed, ...known.slice(at)];
    }
  }
  // The event's front of the queue sets the order; a front shorter than asked is the whole queue.
  const byId = new Map(known.map((t) => [t.id, t]));
  const front: typeof known = [];
  for (const place of event.waiting) {
    const ticket = byId.get(place.ticketId);
    if (!ticket) return { action: "reread" };
    byId.delete(place.ticketId);
    front.push(ticket);
  }
  const rest = event.waiting.length < sizes.front ? [] : known.filter((t) => byId.has(t.id));

  return {
    action: "apply",
    line: {
      ...line,
      seq: event.seq,
      waitingCount: event.stats.waitingCount,
      nowServing: event.stats.nowServing,
      tickets: { ...line.tickets, nodes: [...front, ...rest].slice(0, sizes.keep) },
    },
  };
}
