/** The subscription stream: values in order, a bounded buffer for slow readers, cleanup exactly once. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AppError } from "../../errors/codes.js";
import { liveStream } from "../live-stream.js";

describe("liveStream", () => {
  it("hands values to a waiting reader and buffers the rest in order", async () => {
    const stream = liveStream<number>();
    const pending = stream.iterator.next();
    stream.push(1);
    stream.push(2);
    stream.push(3);
    assert.deepEqual(await pending, { done: false, value: 1 });
    assert.deepEqual(await stream.iterator.next(), { done: false, value: 2 });
    assert.deepEqual(await stream.iterator.next(), { done: false, value: 3 });
  });

  it("keeps only the newest values for a slow reader with drop-oldest", async () => {
    const stream = liveStream<number>({ maxBuffered: 2, overflow: "drop-oldest" });
    for (let i = 1; i <= 5; i++) stream.push(i);
    assert.deepEqual([(await stream.iterator.next()).value, (await stream.iterator.next()).value], [4, 5]);
    assert.equal(stream.ended, false);
  });

  it("ends a slow event stream with LIMIT_EXCEEDED and releases its listener", async () => {
    let released = 0;
    const stream = liveStream<number>({ maxBuffered: 2 });
    stream.onReturn(() => released++);
    for (let i = 1; i <= 3; i++) stream.push(i);
    await assert.rejects(stream.iterator.next(), (error: unknown) => error instanceof AppError && error.code === "LIMIT_EXCEEDED");
    assert.deepEqual(await stream.iterator.next(), { done: true, value: undefined });
    assert.equal(released, 1);
  });

  it("delivers what is buffered before done after end, and releases once when the reader returns", async () => {
    let released = 0;
    const stream = liveStream<string>();
    stream.onReturn(() => released++);
    stream.push("last");
    stream.end();
    stream.push("ignored");
    assert.deepEqual(await stream.iterator.next(), { done: false, value: "last" });
    assert.deepEqual(await stream.iterator.next(), { done: true, value: undefined });
    await stream.iterator.return!();
    assert.equal(released, 1);
  });

  it("answers a reader waiting when it is returned, and runs a cleanup added after the end at once", async () => {
    const stream = liveStream<number>();
    const waiting = stream.iterator.next();
    await stream.iterator.return!();
    assert.deepEqual(await waiting, { done: true, value: undefined });
    let late = false;
    stream.onReturn(() => (late = true));
    assert.equal(late, true);
  });
});
