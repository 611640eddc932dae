/**
 * A live-line load client (run as a child process): raw `ws` sockets speaking graphql-transport-ws, each carrying
 * several subscriptions with their own variables, as customers' phones (`ticketUpdated` with their own code) or
 * admin boards (`lineUpdated`, applied as they come; the board query is re-read over HTTP only when an event's
 * number shows one was missed, as the admin board does).
 *
 * Events are callNexts on a line whose waiting tickets are numbered 1, 2, 3… in queue order. Event k calls ticket
 * k, so after it the customer first at position p (p > k) sees position p − k, the customer of ticket k sees
 * CALLED, and a board sees a CALLED event for ticket k. Per armed event the client reports when its last
 * subscription reached that state.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

type Role = "customer" | "board";
type Command =
  | {
      cmd: "open";
      url: string;
      role: Role;
      perSocket: number;
      authorization?: string;
      query: string;
      /** One entry per subscription: its variables and, for customers, the position it starts at. */
      subs: { variables: Record<string, unknown>; position?: number }[];
      /** Boards: re-read this query over HTTP when an event's `seq` is not the last one + 1 (what the admin board does). */
      refetch?: { httpUrl: string; query: string; variables: Record<string, unknown> };
    }
  | { cmd: "arm"; event: number }
  | { cmd: "close" };

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let role: Role = "customer";
/** Per subscription: customers, the event number reached (from positions); boards, the highest ticket called. */
let reached = new Int32Array(0);
let startPosition = new Int32Array(0);
let armed = 0;
let pending = 0;
let lastAt = 0;
let refetches = 0;
/** Per subscription: the last event number seen (boards). */
let lastSeq = new Float64Array(0);
let refetchErrors = 0;
/** Subscriptions that have had their first value (the stream is live). */
let seen = new Uint8Array(0);
let live = 0;
/** Subscriptions retried after a busy answer. */
let retries = 0;

const send = (m: unknown) => {
  if (process.connected) process.send!(m);
};
process.on("disconnect", () => process.exit(0));

function reach(sub: number, event: number): void {
  if (reached[sub]! >= event) return;
  const before = reached[sub]!;
  reached[sub] = event;
  if (before < armed && event >= armed) {
    lastAt = now();
    if (--pending === 0) send({ kind: "delivered", event: armed, lastAt });
  }
}

/** The event a payload shows for subscription `sub`. */
function eventIn(sub: number, text: string): number {
  const number = /"number":"[A-Z]*0*(\d+)"/.exec(text);
  if (role === "board") return /"status":"CALLED"/.test(text) && number ? Number(number[1]) : -1;
  if (!/"status":"WAITING"/.test(text)) return 1_000_000_000; // called (or ended): every later event is reached
  const position = /"position":(\d+)/.exec(text);
  return position ? startPosition[sub]! - Number(position[1]) : -1;
}

async function refetch(r: NonNullable<Extract<Command, { cmd: "open" }>["refetch"]>, authorization: string | undefined): Promise<void> {
  try {
    const res = await fetch(r.httpUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: r.query, variables: r.variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (!res.ok || body.errors) refetchErrors++;
    refetches++;
  } catch {
    refetchErrors++;
  }
}

async function open(c: Extract<Command, { cmd: "open" }>): Promise<void> {
  role = c.role;
  reached = new Int32Array(c.subs.length);
  seen = new Uint8Array(c.subs.length);
  lastSeq = new Float64Array(c.subs.length);
  startPosition = Int32Array.from(c.subs, (s) => s.position ?? 0);
  const opening: Promise<void>[] = [];
  for (let first = 0; first < c.subs.length; first += c.perSocket) {
    const mine = c.subs.slice(first, first + c.perSocket);
    opening.push(
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(c.url, "graphql-transport-ws", { perMessageDeflate: false });
        sockets.push(ws);
        ws.on("error", reject);
        ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: c.authorization ? { authorization: c.authorization } : {} })));
        ws.on("message", (data: Buffer) => {
          const text = data.toString();
          if (text.startsWith('{"type":"connection_ack"')) {
            mine.forEach((s, k) => ws.send(JSON.stringify({ id: String(first + k), type: "subscribe", payload: { query: c.query, variables: s.variables } })));
            resolve();
            return;
          }
          if (text.startsWith('{"id":"')) {
            const sub = Number(text.slice(7, text.indexOf('"', 7)));
            if (text.includes('"type":"next"')) {
              if (text.includes('"errors"')) {
                // Busy (the whole line subscribing at once): retry after the server's advice, as the customer's page does.
                const retry = /"code":"(SERVICE_UNAVAILABLE|LIMIT_EXCEEDED)".*?"retryAfterSeconds":(\d+)/.exec(text);
                if (retry && !seen[sub]) {
                  retries++;
                  const s = mine[sub - first]!;
                  setTimeout(() => ws.send(JSON.stringify({ id: String(sub), type: "subscribe", payload: { query: c.query, variables: s.variables } })), Number(retry[2]) * 1000 * (1 + Math.random()));
                } else send({ kind: "error", text: text.slice(0, 300) });
              } else if (!seen[sub]) {
                seen[sub] = 1;
                if (++live === seen.length) send({ kind: "live", subs: live, retries });
              }
              const event = eventIn(sub, text);
              if (event >= 0) reach(sub, event);
              const seq = /"seq":(\d+)/.exec(text);
              if (c.refetch && seq) {
                const n = Number(seq[1]);
                if (lastSeq[sub]! > 0 && n > lastSeq[sub]! + 1) void refetch(c.refetch, c.authorization); // a gap
                lastSeq[sub] = Math.max(lastSeq[sub]!, n);
              }
            } else if (text.includes('"type":"error"')) send({ kind: "error", text: text.slice(0, 300) });
          } else if (text.includes('"type":"ping"')) ws.send('{"type":"pong"}');
        });
        ws.on("close", (code) => {
          if (code !== 1000) send({ kind: "error", text: `socket closed ${code}` });
        });
      }),
    );
  }
  await Promise.all(opening);
  send({ kind: "opened", subs: c.subs.length });
}

process.on("message", (c: Command) => {
  if (c.cmd === "open") void open(c).catch((e: unknown) => send({ kind: "error", text: String(e) }));
  else if (c.cmd === "arm") {
    armed = c.event;
    pending = 0;
    for (let i = 0; i < reached.length; i++) if (reached[i]! < c.event) pending++;
    send({ kind: "armed", event: c.event, pending, refetches, refetchErrors });
    if (pending === 0) send({ kind: "delivered", event: c.event, lastAt });
  } else if (c.cmd === "close") {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
send({ kind: "ready" });
