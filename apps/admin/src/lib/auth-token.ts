import { useSyncExternalStore } from "react";
import { createStore } from "./store";

const storageKey = "qline.admin.token";

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? null;
  } catch {
    return null; // storage disabled (private mode): the session lasts until reload
  }
}

/** The signed-in user's JWT, kept in localStorage so a reload stays signed in. */
export const authToken = createStore<string | null>(readStored());

authToken.subscribe(() => {
  try {
    const token = authToken.get();
    if (token) localStorage.setItem(storageKey, token);
    else localStorage.removeItem(storageKey);
  } catch {
    /* storage disabled */
  }
});

// Another tab signed in or out: follow it.
globalThis.addEventListener?.("storage", (event: StorageEvent) => {
  if (event.key === storageKey) authToken.set(event.newValue);
});

export function useAuthToken(): string | null {
  return useSyncExternalStore(authToken.subscribe, authToken.get, authToken.get);
}
