/**
 * The fan-out baseline: a plain `ws` server (child process) holding the same sockets and subscriptions, which
 * sends one pre-serialized message per subscription on command. Reports when it started sending.
 */
import { performance } from "node:perf_hooks";
import { WebSocketServer, type WebSocket } from "ws";

process.on("disconnect", () => process.exit(0));
const clients: { ws: WebSocket; perSocket: number }[] = [];
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
wss.on("connection", (ws) => {
  ws.once("message", (data: Buffer) => {
    const { perSocket } = JSON.parse(data.toString()) as { perSocket: number };
    clients.push({ ws, perSocket });
  });
});
wss.on("listening", () => process.send!({ kind: "listening", port: (wss.address() as { port: number }).port }));

/** About the size of a lineUpdated payload as the admin board selects it. */
const filler = "x".repeat(180);
process.on("message", (m: { cmd: "broadcast"; event: number } | { cmd: "close" }) => {
  if (m.cmd === "close") {
    wss.close();
    process.exit(0);
  }
  const at = performance.timeOrigin + performance.now();
  const frames: Buffer[] = [];
  for (const { ws, perSocket } of clients) {
    for (let s = 0; s < perSocket; s++) {
      frames[s] ??= Buffer.from(`{"id":"${s}","type":"next","payload":{"data":{"lineUpdated":{"e":${m.event},"s":${s},"pad":"${filler}"}}}}`);
      ws.send(frames[s]!);
    }
  }
  process.send!({ kind: "sent", at, rss: process.memoryUsage().rss, sockets: clients.length });
});
