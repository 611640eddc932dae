import { useSyncExternalStore } from "react";
import { createStore } from "./store";

/** The live link's state, shown as a small dot on every page: online, (re)connecting, or offline. */
export type ConnectionState = "connecting" | "online" | "offline";

export const socketState = createStore<ConnectionState>("connecting");

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(socketState.subscribe, socketState.get, socketState.get);
}

/**
 * Calls `onReconnect` when the live link is back after it was lost (not on the first connect): events may have
 * been missed meanwhile. Called from the store's change, in the same turn as the client's own refetch after a
 * reconnect (lib/apollo.ts), so Apollo sends one request for both.
 */
export function watchReconnect(onReconnect: () => void): () => void {
  let wasOnline = socketState.get() === "online";
  let lost = false;
  return socketState.subscribe(() => {
    if (socketState.get() === "online") {
      if (wasOnline && lost) onReconnect();
      wasOnline = true;
      lost = false;
    } else if (wasOnline) lost = true;
  });
}
