/**
 * WebSocket admission: one message is at most the HTTP body limit (ws `maxPayload`: ws reads a frame's length
 * from its header and closes with 1009 before buffering the payload), and open sockets are counted per IP
 * address (refused at the upgrade, HTTP 503) and per actor (closed with 1013 "try again later" once the
 * connection_init names who is calling: that is when the actor is known).
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Actor } from "../context/actor.js";
import type { RequestLimits } from "../limits.js";

/** Close code for "over a connection limit, try again later" (RFC 6455 1013 Try Again Later). */
export const tryAgainLater = 1013;

/** Counts of open things per key; `release` once per `acquire` that returned true. */
class Counter {
  private readonly counts = new Map<string, number>();
  acquire(key: string, max: number): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= max) return false;
    this.counts.set(key, n + 1);
    return true;
  }
  release(key: string): void {
    const n = (this.counts.get(key) ?? 1) - 1;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}

/**
 * Whose quota a socket uses: a user or an API key. Anonymous sockets (customers' phones following their ticket)
 * have only the per-IP cap: many phones share one carrier NAT address, and they are no one's in particular.
 */
export function actorKey(actor: Actor): string | null {
  switch (actor.kind) {
    case "user":
      return `user:${actor.userId}`;
    case "apiKey":
      return `key:${actor.keyId}`;
    case "anonymous":
      return null;
  }
}

export const remoteAddress = (request: IncomingMessage): string => request.socket.remoteAddress ?? "unknown";

export interface LimitedWebSocketServer {
  wsServer: WebSocketServer;
  /**
   * Counts `socket` against `actor`'s quota until it closes; false (and the socket closed with 1013) when the
   * actor already holds its maximum.
   */
  admitActor(socket: WebSocket, actor: Actor): boolean;
}

/** A WebSocketServer on `path` of `httpServer`, with the size and connection limits above. */
export function limitedWebSocketServer(httpServer: Server, path: string, limits: RequestLimits): LimitedWebSocketServer {
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: limits.requestBytes });
  const perIp = new Counter();
  const perActor = new Counter();

  httpServer.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== path) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const ip = remoteAddress(request);
    if (!perIp.acquire(ip, limits.wsConnectionsPerIp)) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    let released = false;
    const release = () => {
      if (!released) perIp.release(ip);
      released = true;
    };
    socket.once("close", release); // also when the handshake fails and no WebSocket is made
    wsServer.handleUpgrade(request, socket, head, (ws) => wsServer.emit("connection", ws, request));
  });

  return {
    wsServer,
    admitActor(socket, actor) {
      const key = actorKey(actor);
      if (key === null) return true;
      if (!perActor.acquire(key, limits.wsConnectionsPerActor)) {
        socket.close(tryAgainLater, "Too many connections");
        return false;
      }
      socket.once("close", () => perActor.release(key));
      return true;
    },
  };
}
