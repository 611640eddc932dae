import { useSyncExternalStore } from "react";
import { createStore } from "./store";

/**
 * The live link's state: `online` while the WebSocket is open, `connecting` while it (re)connects, `offline`
 * when the browser has no network or the socket keeps failing. Shown in the top bar; live views say when their
 * data may be stale.
 */
export type ConnectionState = "connecting" | "online" | "offline";

export const socketState = createStore<ConnectionState>("connecting");
const browserOnline = createStore<boolean>(typeof navigator === "undefined" ? true : navigator.onLine);

globalThis.addEventListener?.("online", () => browserOnline.set(true));
globalThis.addEventListener?.("offline", () => browserOnline.set(false));

function combined(): ConnectionState {
  return browserOnline.get() ? socketState.get() : "offline";
}

function subscribe(listener: () => void): () => void {
  const a = socketState.subscribe(listener);
  const b = browserOnline.subscribe(listener);
  return () => {
    a();
    b();
  };
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, combined, combined);
}
