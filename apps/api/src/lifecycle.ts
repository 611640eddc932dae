/**
 * Process lifecycle pieces that server.ts and main.ts share: closing the WebSocket side within a bound, and
 * listening with a clear error.
 */
import type { Server } from "node:http";
import type { WebSocketServer } from "ws";

/**
 * Ends every WebSocket with close code 1001 (Going Away: clients reconnect elsewhere) through graphql-ws's
 * cleanup, which also stops the WebSocketServer. A client that does not answer the close handshake within
 * `graceMs` is cut off (ws would otherwise wait 30 s for it), so shutdown stays bounded.
 */
export async function closeWebSockets(wsServer: WebSocketServer, wsCleanup: { dispose(): void | Promise<void> }, graceMs = 2000): Promise<void> {
  const cutOff = setTimeout(() => {
    for (const socket of wsServer.clients) socket.terminate(); // the server's close completes once they are gone
  }, graceMs);
  try {
    await wsCleanup.dispose();
  } finally {
    clearTimeout(cutOff);
  }
}

/** A listen error explained in one line (EADDRINUSE and EACCES are the usual ones). */
export class ListenError extends Error {
  constructor(
    readonly address: string,
    override readonly cause: NodeJS.ErrnoException,
  ) {
    const why =
      cause.code === "EADDRINUSE"
        ? "the port is already in use (another qline or another program); stop it or set PORT"
        : cause.code === "EACCES"
          ? "permission denied (ports below 1024 need privileges); set PORT"
          : cause.message;
    super(`cannot listen on ${address}: ${why}`);
    this.name = "ListenError";
  }
}

/** `server.listen` as a promise that rejects with a ListenError instead of emitting an unhandled `error`. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(new ListenError(`${host}:${port}`, error));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
