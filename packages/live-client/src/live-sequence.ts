/**
 * Keeps cached data in step with numbered line events (LineEvent.seq, per line): each event is applied in order;
 * the data is re-read only when an event cannot be applied (a gap, a resync, settings) or on request (reconnect,
 * wake). One read at a time: requests while a read runs join it, and events that arrive meanwhile are held and
 * applied after it when they are newer than what the read returned.
 */
export interface Numbered {
  seq: number;
}

export interface LiveSequenceOptions<E extends Numbered> {
  /**
   * The number the cached data stands at for this event's line (Line.seq as read, or the last event applied);
   * null before the first answer (or when the data has no such line).
   */
  current(event: E): number | null;
  /** Applies one event to the cached data, or says the data must be re-read. */
  apply(event: E): "applied" | "ignored" | "reread";
  /** Reads the data from the server into the cache. */
  read(): Promise<unknown>;
  /** A read started elsewhere is running (polling, a client-wide refetch): hold events until `settled()`. */
  busy?(): boolean;
}

/** Reads in a row that held events may ask for (a server answering from behind them); then the next event, reconnect or wake. */
const MAX_CHAINED_READS = 2;
/** Held events beyond this drop the oldest: a gap the next release sees and re-reads for. */
const MAX_HELD = 1_000;

export class LiveSequence<E extends Numbered> {
  private reading: Promise<void> | null = null;
  private held: E[] = [];
  private chained = 0;

  constructor(private readonly options: LiveSequenceOptions<E>) {}

  /** An event from the subscription. */
  receive(event: E): void {
    this.take(event, false);
  }

  /** Re-reads now, or joins the read that runs. A failed read keeps the held events: the next event, reconnect or wake tries again. */
  reread(): Promise<void> {
    this.chained = 0;
    return this.read();
  }

  /** The cache was filled by a read this sequence did not start (the first answer, polling): apply what was held. */
  settled(): void {
    if (!this.reading && !this.options.busy?.()) this.release();
  }

  private take(event: E, afterRead: boolean): void {
    if (this.reading || this.options.busy?.() || this.options.current(event) === null) {
      this.hold(event);
      return;
    }
    const outcome = this.options.apply(event);
    if (outcome === "applied") this.chained = 0;
    if (outcome !== "reread") return;
    // Kept: a read that answers from before this event (another process lagging) re-applies it afterwards.
    this.hold(event);
    if (!afterRead) this.chained = 0;
    else if (this.chained >= MAX_CHAINED_READS) return;
    else this.chained += 1;
    void this.read();
  }

  private read(): Promise<void> {
    if (this.reading) return this.reading;
    const attempt = async () => {
      try {
        await this.options.read();
        return true;
      } catch {
        return false; // offline or the server failed: the data stays as it was and the screen says it is not live
      }
    };
    // `.then` runs after the assignment below, even when read() fails at once.
    const reading = attempt().then((ok) => {
      this.reading = null;
      if (ok) this.release();
    });
    this.reading = reading;
    return reading;
  }

  private hold(event: E): void {
    this.held.push(event);
    if (this.held.length > MAX_HELD) this.held.shift();
  }

  private release(): void {
    const newer = this.held.filter((e) => {
      const at = this.options.current(e);
      return at !== null && e.seq > at;
    });
    this.held = [];
    for (const event of newer) this.take(event, true);
  }
}
