/**
 * A push-fed async iterator with a bounded buffer, for subscriptions: pub/sub listeners `push`, graphql-ws
 * pulls with `next`. A subscriber that reads slower than events arrive never grows memory without bound:
 * with `overflow: "drop-oldest"` (streams where each value is the whole current state, like a customer's
 * ticket) the oldest buffered value goes; with `"fail"` (event streams, where every event matters) the
 * stream ends with `LIMIT_EXCEEDED` and the client re-subscribes and refetches.
 */
import { limitExceeded } from "../errors/codes.js";

export interface LiveStreamOptions {
  /** Most values buffered for a subscriber that has not read them yet. */
  maxBuffered?: number;
  overflow?: "drop-oldest" | "fail";
}

export interface LiveStream<T> {
  push(value: T): void;
  /** Ends the stream: readers get `done` after what is buffered, or `error` right away. */
  end(error?: unknown): void;
  /** Runs once when the stream ends for any reason (the reader returned, `end`, overflow). */
  onReturn(cleanup: () => void): void;
  readonly iterator: AsyncIterableIterator<T>;
  readonly ended: boolean;
}

export const DEFAULT_MAX_BUFFERED = 256;

export function liveStream<T>({ maxBuffered = DEFAULT_MAX_BUFFERED, overflow = "fail" }: LiveStreamOptions = {}): LiveStream<T> {
  const buffer: T[] = [];
  const waiting: { resolve(result: IteratorResult<T>): void; reject(error: unknown): void }[] = [];
  const cleanups: (() => void)[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;

  const finish = () => {
    if (ended) return;
    ended = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const settleWaiting = () => {
    const readers = waiting.splice(0);
    for (const w of readers) {
      if (failure) w.reject(failure.error);
      else w.resolve({ done: true, value: undefined });
    }
    if (readers.length > 0) failure = null; // reported; later reads are done
  };
  const end = (error?: unknown) => {
    if (ended) return;
    if (error !== undefined) {
      failure = { error };
      buffer.length = 0;
    }
    finish();
    settleWaiting();
  };

  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (buffer.length > 0) return Promise.resolve({ done: false, value: buffer.shift()! });
      if (failure) {
        const { error } = failure;
        failure = null; // reported once; then done
        return Promise.reject(error);
      }
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      buffer.length = 0;
      end();
      return Promise.resolve({ done: true, value: undefined });
    },
    throw(error: unknown) {
      end(error);
      return Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };

  return {
    push(value) {
      if (ended) return;
      const reader = waiting.shift();
      if (reader) return reader.resolve({ done: false, value });
      if (buffer.length >= maxBuffered) {
        if (overflow === "fail") return end(limitExceeded(`More than ${maxBuffered} events waited for this subscriber; subscribe again and refetch`));
        buffer.shift();
      }
      buffer.push(value);
    },
    end,
    onReturn(cleanup) {
      if (ended) cleanup();
      else cleanups.push(cleanup);
    },
    iterator,
    get ended() {
      return ended;
    },
  };
}
