/**
 * Per-line event numbers, and delivery in their order.
 *
 * Numbering: every transaction that makes a line event takes the line's next number as its last step
 * (`nextEventSeq`: one UPDATE of `lines.event_seq`). The row lock it takes is held until commit, so a line's
 * numbers are consecutive and follow commit order whichever API process commits.
 *
 * Delivery: each process publishes its own events after commit, so two processes' events of one line can reach
 * a third out of order, and one process's events can even overtake each other (their refreshes finish in any
 * order). `orderedListen` gives every listener of a topic one shared, ordered view of it per process:
 * - `consecutive` topics (a line's and a tenant's activity, which carry every event of the line): an event
 *   whose predecessor has not arrived waits for it up to `eventOrder.gapWaitMs`; then the waiting events go out
 *   and the client sees the gap (seq > last + 1) and re-reads. Anything older than what went out is dropped.
 * - `newest` topics (a ticket's own and a line's queue messages, which carry only some numbers, each the whole
 *   current view): nothing waits; a message older than the newest delivered is dropped.
 */
import { and, eq, sql } from "drizzle-orm";
import { lines, type Tx } from "@qline/db";
import type { QlinePubSub } from "../../../pubsub/pubsub.js";

/** Takes the line's next event number in the caller's transaction (holds the line's row lock until commit). */
export async function nextEventSeq(tx: Tx, tenantId: string, lineId: string): Promise<number> {
  const [row] = await tx
    .update(lines)
    .set({ eventSeq: sql`${lines.eventSeq} + 1` })
    .where(and(eq(lines.tenantId, tenantId), eq(lines.id, lineId)))
    .returning({ seq: lines.eventSeq });
  if (!row) throw new Error("numbering a line event found no line");
  return row.seq;
}

/** How long an event waits for a missing predecessor before it goes out anyway (LIVE_GAP_WAIT_MS). */
export const eventOrder = { gapWaitMs: 1000 };

export type OrderMode = "consecutive" | "newest";

interface Sequenced {
  lineId: string;
  seq: number;
}

function sequencedOf(payload: unknown): Sequenced | null {
  if (typeof payload !== "object" || payload === null) return null;
  const { lineId, seq } = payload as Partial<Sequenced>;
  return typeof lineId === "string" && typeof seq === "number" ? { lineId, seq } : null;
}

interface LineOrder {
  /** The newest number delivered or read (null: nothing known of the line yet). */
  last: number | null;
  /** Events waiting for a predecessor, by number. */
  held: Map<number, unknown>;
  timer: NodeJS.Timeout | null;
}

interface TopicOrder {
  mode: OrderMode;
  listeners: Set<(payload: unknown) => void>;
  lines: Map<string, LineOrder>;
  stop: Promise<() => void>;
}

class OrderedTopics {
  private readonly topics = new Map<string, TopicOrder>();

  constructor(private readonly pubsub: QlinePubSub) {
    // After an outage events were lost: every stream re-reads (RESYNCED), and numbering starts again from what comes.
    pubsub.onRecovered(() => {
      for (const topic of this.topics.values()) this.reset(topic);
    });
  }

  async listen(topic: string, mode: OrderMode, onMessage: (payload: unknown) => void): Promise<() => void> {
    let entry = this.topics.get(topic);
    if (!entry) {
      const created: TopicOrder = { mode, listeners: new Set(), lines: new Map(), stop: Promise.resolve(() => undefined) };
      created.stop = this.pubsub.listen(topic, (payload) => this.receive(created, payload));
      this.topics.set(topic, (entry = created));
      created.stop.catch(() => {
        if (this.topics.get(topic) === created) this.topics.delete(topic);
      });
    }
    const joined = entry;
    joined.listeners.add(onMessage);
    try {
      await joined.stop;
    } catch (error) {
      joined.listeners.delete(onMessage);
      throw error;
    }
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      joined.listeners.delete(onMessage);
      if (joined.listeners.size > 0 || this.topics.get(topic) !== joined) return;
      this.topics.delete(topic);
      this.reset(joined);
      void joined.stop.then((stop) => stop());
    };
  }

  /** A listener read the line at `seq`: when nothing of it was delivered yet, the next event expected is seq + 1. */
  seed(topic: string, lineId: string, seq: number): void {
    const entry = this.topics.get(topic);
    if (!entry || entry.mode !== "consecutive") return;
    const line = this.lineOf(entry, lineId);
    if (line.last === null) {
      line.last = seq;
      this.release(entry, line);
    }
  }

  private lineOf(entry: TopicOrder, lineId: string): LineOrder {
    let line = entry.lines.get(lineId);
    if (!line) entry.lines.set(lineId, (line = { last: null, held: new Map(), timer: null }));
    return line;
  }

  private receive(entry: TopicOrder, payload: unknown): void {
    const sequenced = sequencedOf(payload);
    if (!sequenced) return this.deliver(entry, payload);
    const line = this.lineOf(entry, sequenced.lineId);
    if (line.last !== null && sequenced.seq <= line.last) return; // already delivered (or given up on): a client has re-read past it
    if (entry.mode === "newest" || line.last === null || sequenced.seq === line.last + 1) {
      line.last = sequenced.seq;
      this.deliver(entry, payload);
      this.release(entry, line);
      return;
    }
    line.held.set(sequenced.seq, payload);
    line.timer ??= setTimeout(() => this.giveUp(entry, line), eventOrder.gapWaitMs);
  }

  /** Delivers held events that now follow without a gap. */
  private release(entry: TopicOrder, line: LineOrder): void {
    if (line.last === null) return;
    for (;;) {
      const next = line.held.get(line.last + 1);
      if (next === undefined) break;
      line.held.delete(line.last + 1);
      line.last += 1;
      this.deliver(entry, next);
    }
    const last = line.last;
    for (const seq of line.held.keys()) if (seq <= last) line.held.delete(seq);
    if (line.held.size === 0 && line.timer) {
      clearTimeout(line.timer);
      line.timer = null;
    }
  }

  /** The predecessor never came (its process died between commit and publish, or its publish was lost). */
  private giveUp(entry: TopicOrder, line: LineOrder): void {
    line.timer = null;
    const first = Math.min(...line.held.keys());
    if (!Number.isFinite(first)) return;
    line.last = first - 1;
    this.release(entry, line);
    if (line.held.size > 0) line.timer = setTimeout(() => this.giveUp(entry, line), eventOrder.gapWaitMs);
  }

  private deliver(entry: TopicOrder, payload: unknown): void {
    for (const listener of [...entry.listeners]) listener(payload);
  }

  private reset(entry: TopicOrder): void {
    for (const line of entry.lines.values()) if (line.timer) clearTimeout(line.timer);
    entry.lines.clear();
  }
}

const ordered = new WeakMap<QlinePubSub, OrderedTopics>();

function orderedTopicsOf(pubsub: QlinePubSub): OrderedTopics {
  let found = ordered.get(pubsub);
  if (!found) ordered.set(pubsub, (found = new OrderedTopics(pubsub)));
  return found;
}

/**
 * `pubsub.listen`, with the topic's sequenced events in order (see the module comment). Every listener of a topic
 * in this process shares one pub/sub subscription and receives the same payload objects.
 */
export function orderedListen(pubsub: QlinePubSub, topic: string, mode: OrderMode, onMessage: (payload: unknown) => void): Promise<() => void> {
  return orderedTopicsOf(pubsub).listen(topic, mode, onMessage);
}

/** Tells the topic's ordering that a listener read line `lineId` at event `seq` (see `OrderedTopics.seed`). */
export function seedOrder(pubsub: QlinePubSub, topic: string, lineId: string, seq: number): void {
  orderedTopicsOf(pubsub).seed(topic, lineId, seq);
}
