import { useSyncExternalStore } from "react";
import { createStore } from "./store";

/** The live link's state, shown as a small dot on every page: online, (re)connecting, or offline. */
export type ConnectionState = "connecting" | "online" | "offline";

export const socketState = createStore<ConnectionState>("connecting");

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(socketState.subscribe, socketState.get, socketState.get);
}
