/**
 * graphql-ws subscriptions executed once per event per group of equal subscribers, and serialized once.
 *
 * graphql's own `subscribe` runs `execute` for every subscriber on every event, and graphql-ws then serializes
 * every result; a line with 10,000 subscribers did both 10,000 times per event. Here each subscriber still has
 * its own source stream (its subscribe resolver authorized it, built its topic from the server-side context and
 * re-checks its access), and only what follows is shared: an event a subscriber's own stream yielded is executed
 * once per *group* — same parsed document, operation name, variables and visibility (the actor) — and the JSON
 * of that result is reused by every subscriber of the group that receives the same event object (both pub/sub
 * engines hand one object to all listeners of a message). A subscriber never sees a result of an event its own
 * stream did not yield, nor one executed for another actor. Results are remembered per event *object*, so a
 * published payload must not be mutated or published again as a new event (publish a new object; a source that
 * maps events per subscriber, e.g. a ticket's own view, simply gets one execution per subscriber).
 *
 * Where graphql-ws gave us the operation's socket (`deliverTo`), frames are written directly: graphql-ws's
 * `next` would stringify the whole result per subscriber. graphql-ws still owns the operation (errors,
 * completion, cancellation); our iterator only yields when there is no socket to write to.
 */
import type { Socket } from "node:net";
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from "graphql";
import type { WebSocket } from "ws";
import type { RequestContext } from "../context/context.js";

/** Where one graphql-ws operation's `next` frames go. */
export interface Delivery {
  /** The operation id the client chose. */
  id: string;
  socket: WebSocket;
  /** The TCP socket under `socket`: corked while one event's frames are written, so they leave in one write. */
  tcp: Socket;
}

export interface SharedSubscriptionsOptions {
  /** Subscribers share results only under equal keys; null: never share (each execution its own). */
  visibilityOf(contextValue: unknown): string | null;
  /** The `next` payload as clients receive it (what graphql-ws's `onNext` would return), once per result. */
  formatResult(result: ExecutionResult): ExecutionResult | FormattedExecutionResult;
}

export interface SharedSubscriptions {
  /** graphql-ws's `subscribe`. */
  subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;
  /** Called from graphql-ws's `context`: frames of the operation executed with `contextValue` go to `delivery`. */
  deliverTo(contextValue: object, delivery: Delivery): void;
  /** Executions run so far (tests: one per event per group). */
  readonly executions: number;
}

/** Visibility of a RequestContext: its actor. Results are never reused across users or API keys. */
export function actorVisibility(contextValue: unknown): string | null {
  const actor = (contextValue as Partial<RequestContext> | null | undefined)?.actor;
  switch (actor?.kind) {
    case "user":
      return `user:${actor.userId}:${actor.platformAdmin ? "admin" : ""}`;
    case "apiKey":
      return `apiKey:${actor.keyId}`;
    case "anonymous":
      return "anonymous"; // holds no permissions: sees only what a tracking code opens, like every other anonymous
    default:
      return null;
  }
}

interface SharedEvent {
  result: ExecutionResult;
  /** `formatResult(result)` as JSON, made by the first subscriber that writes it. */
  json?: string;
}

const done = { done: true, value: undefined } as const;

/** Sockets corked in this turn of the event loop; uncorked together once it ends. */
const corked = new Set<Socket>();
function uncorkAll(): void {
  for (const tcp of corked) tcp.uncork();
  corked.clear();
}
function cork(tcp: Socket): void {
  if (corked.has(tcp)) return;
  tcp.cork();
  corked.add(tcp);
  if (corked.size === 1) setImmediate(uncorkAll);
}

function send(delivery: Delivery, data: string): Promise<void> {
  const { socket } = delivery;
  if (socket.readyState !== socket.OPEN) return Promise.resolve();
  cork(delivery.tcp);
  // A failed write means the socket is closing: graphql-ws's close handling ends the operation.
  return new Promise((resolve) => socket.send(data, () => resolve()));
}

export function createSharedSubscriptions(options: SharedSubscriptionsOptions): SharedSubscriptions {
  const deliveries = new WeakMap<object, Delivery>();
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  /** Per event object: per group key, its execution. Lives as long as some subscriber's queue holds the event. */
  const byEvent = new WeakMap<object, Map<string, Promise<SharedEvent>>>();
  let executions = 0;

  function groupKey(args: ExecutionArgs): string | null {
    const visibility = options.visibilityOf(args.contextValue);
    if (visibility === null) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return JSON.stringify([visibility, documentId, args.operationName ?? null, args.variableValues ?? null]);
  }

  function run(args: ExecutionArgs, payload: unknown): Promise<SharedEvent> {
    executions++;
    // A synchronous throw becomes this group's rejection (the subscribers' operations end with it), not a crash.
    return new Promise<ExecutionResult>((resolve) => resolve(execute({ ...args, rootValue: payload }))).then((result) => ({ result }));
  }

  function eventFor(args: ExecutionArgs, key: string | null, payload: unknown): Promise<SharedEvent> {
    if (key === null || typeof payload !== "object" || payload === null) return run(args, payload);
    let groups = byEvent.get(payload);
    if (!groups) byEvent.set(payload, (groups = new Map()));
    let event = groups.get(key);
    if (!event) groups.set(key, (event = run(args, payload)));
    return event;
  }

  async function subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args); // the subscribe resolver: this subscriber's authorization
    if (!(Symbol.asyncIterator in source)) return source;
    const events = source[Symbol.asyncIterator]();
    const key = groupKey(args);
    const context = args.contextValue;
    const delivery = typeof context === "object" && context !== null ? deliveries.get(context) : undefined;
    const framePrefix = delivery ? `{"id":${JSON.stringify(delivery.id)},"type":"next","payload":` : "";
    let closed = false;
    const stop = async () => {
      closed = true;
      await events.return?.();
    };
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      async next() {
        for (;;) {
          const step = await events.next();
          if (step.done || closed) return done;
          const event = await eventFor(args, key, step.value);
          if (closed) return done;
          if (!delivery) return { done: false, value: event.result };
          event.json ??= JSON.stringify(options.formatResult(event.result));
          await send(delivery, `${framePrefix}${event.json}}`);
        }
      },
      async return() {
        await stop();
        return done;
      },
      async throw(error: unknown) {
        await stop();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  return {
    subscribe,
    deliverTo: (contextValue, delivery) => deliveries.set(contextValue, delivery),
    get executions() {
      return executions;
    },
  };
}
