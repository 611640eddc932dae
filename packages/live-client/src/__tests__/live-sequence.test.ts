import { describe, expect, it } from "vitest";
import { LiveSequence } from "../live-sequence.js";

interface Event {
  seq: number;
}

/**
 * A sequence over plain numbers: the data is the list of applied event numbers, a read jumps it to what the
 * scripted server says (or fails), and an event applies only when it is the next one.
 */
function harness(server: () => number | Error) {
  let at: number | null = null;
  const applied: number[] = [];
  let reads = 0;
  let release: (() => void) | null = null;
  const sequence = new LiveSequence<Event>({
    current: () => at,
    apply: (event) => {
      if (at === null || event.seq > at + 1) return "reread";
      if (event.seq <= at) return "ignored";
      at = event.seq;
      applied.push(event.seq);
      return "applied";
    },
    read: () => {
      reads += 1;
      return new Promise<void>((resolve, reject) => {
        release = () => {
          const answer = server();
          if (answer instanceof Error) reject(answer);
          else {
            at = answer;
            resolve();
          }
        };
      });
    },
  });
  return {
    sequence,
    applied,
    reads: () => reads,
    at: () => at,
    load(seq: number) {
      at = seq;
      sequence.settled();
    },
    /** Lets the running read answer, then lets the sequence handle it (promise callbacks only, no timers faked or waited on). */
    async answer() {
      const answer = release;
      release = null;
      answer?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe("LiveSequence", () => {
  it("holds events until the first answer, then applies the newer ones in order", () => {
    const h = harness(() => 0);
    h.sequence.receive({ seq: 4 });
    h.sequence.receive({ seq: 5 });
    h.sequence.receive({ seq: 6 });
    expect(h.applied).toEqual([]);
    h.load(4);
    expect(h.applied).toEqual([5, 6]);
    expect(h.reads()).toBe(0);
  });

  it("one read at a time: a gap and requests during the read join it", async () => {
    const h = harness(() => 9);
    h.load(5);
    h.sequence.receive({ seq: 8 });
    void h.sequence.reread(); // e.g. a reconnect while the gap's read runs
    h.sequence.receive({ seq: 9 });
    h.sequence.receive({ seq: 10 });
    expect(h.reads()).toBe(1);
    await h.answer();
    expect(h.at()).toBe(10);
    expect(h.applied).toEqual([10]); // 8 and 9 were in the read
    expect(h.reads()).toBe(1);
  });

  it("a failed read keeps the held events; the next event reads again and applies them", async () => {
    let server: number | Error = new Error("offline");
    const h = harness(() => server);
    h.load(1);
    h.sequence.receive({ seq: 3 });
    await h.answer();
    expect(h.at()).toBe(1);
    expect(h.reads()).toBe(1);

    server = 2;
    h.sequence.receive({ seq: 4 });
    expect(h.reads()).toBe(2);
    await h.answer();
    expect(h.applied).toEqual([3, 4]);
  });

  it("stops re-reading in a row when the server keeps answering from behind the held events", async () => {
    const h = harness(() => 1); // a lagging server
    h.load(1);
    h.sequence.receive({ seq: 5 });
    await h.answer(); // the gap's read
    await h.answer(); // 1st chained read
    await h.answer(); // 2nd chained read; then it waits for the next event, reconnect or wake
    expect(h.reads()).toBe(3);
    await h.answer(); // no read was running
    expect(h.reads()).toBe(3);
    h.sequence.receive({ seq: 6 }); // the next event tries again
    expect(h.reads()).toBe(4);
  });
});
