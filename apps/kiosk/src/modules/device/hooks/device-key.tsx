import { createContext, useContext } from "react";

/** The current page's device key and how to change it (App owns it: a new key means a new Apollo client). */
export interface DeviceKeyState {
  key: string | null;
  save(key: string): void;
  forget(): void;
}

export const DeviceKeyContext = createContext<DeviceKeyState>({ key: null, save: () => undefined, forget: () => undefined });

export function useDeviceKey(): DeviceKeyState {
  return useContext(DeviceKeyContext);
}

/** Errors meaning "this key is not (or no longer) good for this tenant". */
export const rejectedKeyCodes = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"]);
