/**
 * A fan-out load client (run as a child process; a few share the subscribers): raw `ws` sockets speaking
 * graphql-transport-ws (or a plain stream for the baseline), each carrying several subscriptions. Per event it
 * reports the time its last subscription received it. Controlled over IPC by the benchmark.
 */
import { performance } from "node:perf_hooks";
import WebSocket from "ws";

type Command =
  | { cmd: "open"; url: string; mode: "graphql" | "plain"; sockets: number; perSocket: number; authorization?: string; query?: string; variables?: Record<string, unknown> }
  | { cmd: "arm"; event: number }
  | { cmd: "close" };

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
/** Per subscription: the last event number it received. */
let received: Int32Array = new Int32Array(0);
let armed = 0;
let pending = 0;
let lastAt = 0;
let openedSubs = 0;

const send = (m: unknown) => {
  if (process.connected) process.send!(m);
};
process.on("disconnect", () => process.exit(0));

function onEvent(sub: number, event: number): void {
  if (received[sub]! >= event) return;
  received[sub] = event;
  if (event === armed) {
    lastAt = now();
    if (--pending === 0) send({ kind: "delivered", event, lastAt });
  }
}

/** The event number in a message: graphql payloads carry it as the ticket number's digits, plain ones as "e". */
function eventOf(text: string): number {
  const m = /"e":(\d+)/.exec(text) ?? /"number":"[A-Z]*0*(\d+)"/.exec(text);
  return m ? Number(m[1]) : -1;
}

/** Subscriptions refused as busy whose retry is scheduled (their "complete" is expected). */
const retrying = new Set<number>();

async function open(c: Extract<Command, { cmd: "open" }>): Promise<void> {
  const base = openedSubs;
  received = Int32Array.from({ length: base + c.sockets * c.perSocket }, (_, i) => received[i] ?? 0);
  const opening: Promise<void>[] = [];
  for (let s = 0; s < c.sockets; s++) {
    const first = base + s * c.perSocket;
    opening.push(
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(c.url, c.mode === "graphql" ? "graphql-transport-ws" : undefined, { perMessageDeflate: false });
        sockets.push(ws);
        ws.on("error", reject);
        ws.on("open", () => {
          if (c.mode === "plain") {
            ws.send(JSON.stringify({ perSocket: c.perSocket }));
            resolve();
          } else ws.send(JSON.stringify({ type: "connection_init", payload: c.authorization ? { authorization: c.authorization } : {} }));
        });
        ws.on("message", (data: Buffer) => {
          const text = data.toString();
          if (c.mode === "plain") {
            // Plain stream: each message is for the socket's next subscription slot in turn.
            const m = /"e":(\d+),"s":(\d+)/.exec(text);
            if (m) onEvent(first + Number(m[2]), Number(m[1]));
            return;
          }
          if (text.startsWith('{"type":"connection_ack"')) {
            for (let k = 0; k < c.perSocket; k++) ws.send(JSON.stringify({ id: String(first + k), type: "subscribe", payload: { query: c.query, variables: c.variables } }));
            resolve();
            return;
          }
          if (text.startsWith('{"id":"')) {
            const id = Number(text.slice(7, text.indexOf('"', 7)));
            const event = eventOf(text);
            if (event >= 0) onEvent(id, event);
            else if (text.includes('"type":"next"') && text.includes('"errors"')) {
              // Busy (thousands subscribing at once): subscribe again after the server's advice, as a client does.
              const retry = /"code":"(SERVICE_UNAVAILABLE|LIMIT_EXCEEDED)".*?"retryAfterSeconds":(\d+)/.exec(text);
              if (!retry) send({ kind: "error", text: text.slice(0, 300) });
              else {
                retrying.add(id);
                setTimeout(() => ws.send(JSON.stringify({ id: String(id), type: "subscribe", payload: { query: c.query, variables: c.variables } })), Number(retry[2]) * 1000 * (1 + Math.random()));
              }
            } else if (text.includes('"type":"complete"') && retrying.delete(id)) {
              // the refused subscription's end; its retry is scheduled
            } else if (!text.includes('"type":"next"')) send({ kind: "error", text: text.slice(0, 300) });
          } else if (text.includes('"type":"ping"')) ws.send('{"type":"pong"}');
        });
        ws.on("close", (code) => {
          if (code !== 1000) send({ kind: "error", text: `socket closed ${code}` });
        });
      }),
    );
  }
  await Promise.all(opening);
  openedSubs = base + c.sockets * c.perSocket;
  send({ kind: "opened", subs: openedSubs });
}

process.on("message", (c: Command) => {
  if (c.cmd === "open") void open(c).catch((e: unknown) => send({ kind: "error", text: String(e) }));
  else if (c.cmd === "arm") {
    armed = c.event;
    pending = 0;
    for (let i = 0; i < openedSubs; i++) if (received[i]! < c.event) pending++;
    send({ kind: "armed", event: c.event, pending });
    if (pending === 0) send({ kind: "delivered", event: c.event, lastAt });
  } else if (c.cmd === "close") {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
send({ kind: "ready" });
