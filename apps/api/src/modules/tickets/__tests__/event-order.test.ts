/**
 * Delivery in event-number order (live/sequence.ts), on the in-memory pub/sub (it delivers synchronously, so
 * "not delivered yet" is observable without waiting): a line's events that arrive out of order go out in order; a
 * missing one is waited for, then given up on; anything older than what went out is dropped; "newest" topics never
 * wait and drop only what is older.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createPubSub, type QlinePubSub } from "../../../pubsub/pubsub.js";
import { eventOrder, orderedListen, seedOrder } from "../live/sequence.js";

const event = (seq: number, lineId = "line-1") => ({ lineId, seq, kind: "ISSUED" });

describe("line events in number order", () => {
  let pubsub: QlinePubSub;
  const savedWait = eventOrder.gapWaitMs;
  before(() => {
    pubsub = createPubSub(undefined);
  });
  after(async () => {
    eventOrder.gapWaitMs = savedWait;
    await pubsub.close();
  });

  const listen = async (topic: string, mode: "consecutive" | "newest") => {
    const got: number[] = [];
    const stop = await orderedListen(pubsub, topic, mode, (payload) => got.push((payload as { seq: number }).seq));
    return { got, stop };
  };

  it("holds an event until its predecessor arrives, then delivers both in order to every listener", async () => {
    const a = await listen("t.order", "consecutive");
    const b = await listen("t.order", "consecutive");
    seedOrder(pubsub, "t.order", "line-1", 4);
    await pubsub.publish("t.order", event(6));
    assert.deepEqual(a.got, [], "6 waits for 5");
    await pubsub.publish("t.order", event(5));
    assert.deepEqual(a.got, [5, 6]);
    assert.deepEqual(b.got, [5, 6]);
    await pubsub.publish("t.order", event(5));
    assert.deepEqual(a.got, [5, 6], "a repeat is dropped");
    a.stop();
    b.stop();
  });

  it("keeps each line's numbers apart on one topic", async () => {
    const l = await listen("t.lines", "consecutive");
    seedOrder(pubsub, "t.lines", "line-1", 0);
    await pubsub.publish("t.lines", event(1, "line-2")); // nothing known of line-2: goes out
    await pubsub.publish("t.lines", event(2, "line-1")); // line-1 seeded at 0: waits for 1
    await pubsub.publish("t.lines", event(2, "line-2"));
    assert.deepEqual(l.got, [1, 2]);
    await pubsub.publish("t.lines", event(1, "line-1"));
    assert.deepEqual(l.got, [1, 2, 1, 2]);
    l.stop();
  });

  it("gives up on a missing event after the wait, and then drops it when it comes late", async () => {
    eventOrder.gapWaitMs = 30;
    const l = await listen("t.gap", "consecutive");
    seedOrder(pubsub, "t.gap", "line-1", 1);
    await pubsub.publish("t.gap", event(3));
    await pubsub.publish("t.gap", event(4));
    assert.deepEqual(l.got, []);
    const deadline = Date.now() + 2000;
    while (l.got.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(l.got, [3, 4], "the client sees 3 after 1 and re-reads");
    await pubsub.publish("t.gap", event(2));
    assert.deepEqual(l.got, [3, 4], "too late: dropped");
    await pubsub.publish("t.gap", event(5));
    assert.deepEqual(l.got, [3, 4, 5]);
    l.stop();
  });

  it("never holds on a newest-only topic, and drops what is older than the newest delivered", async () => {
    const l = await listen("t.newest", "newest");
    await pubsub.publish("t.newest", event(7));
    await pubsub.publish("t.newest", event(9));
    await pubsub.publish("t.newest", event(8));
    await pubsub.publish("t.newest", event(10));
    assert.deepEqual(l.got, [7, 9, 10]);
    l.stop();
  });

  it("passes payloads without a number through untouched, and stops listening once the last listener leaves", async () => {
    const l = await listen("t.plain", "consecutive");
    await pubsub.publish("t.plain", { hello: "world" });
    assert.equal(l.got.length, 1);
    l.stop();
    await pubsub.publish("t.plain", { hello: "again" });
    assert.equal(l.got.length, 1);
  });
});
