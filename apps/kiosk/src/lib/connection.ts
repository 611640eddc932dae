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

/**
 * Whether the API refused this page's device key (unknown, mistyped or revoked): an UNAUTHENTICATED answer to any
 * request, or the live socket closed for its credential (4401 revoked, 4403 refused at connect). The device pages
 * then say "This device is not paired" instead of retrying forever. Reset when a new key (or none) is in use.
 */
export const credentialRejected = createStore<boolean>(false);

export function useCredentialRejected(): boolean {
  return useSyncExternalStore(credentialRejected.subscribe, credentialRejected.get, credentialRejected.get);
}

/** Close codes of the live socket that mean "this credential is not (or no longer) accepted": not worth retrying. */
export const credentialCloseCodes: ReadonlySet<number> = new Set([4401, 4403]);
