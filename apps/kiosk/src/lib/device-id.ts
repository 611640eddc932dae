import { newIdempotencyKey } from "./idempotency";

const storageKey = "qline.deviceId";
let memory: string | null = null;

/**
 * A random id for this browser, kept in localStorage: the API limits remote joins per device and line. It
 * identifies nothing but the browser; without storage it lasts as long as the page.
 */
export function deviceId(storage: Pick<Storage, "getItem" | "setItem"> | undefined = globalThis.localStorage): string {
  try {
    const saved = storage?.getItem(storageKey);
    if (saved) return saved;
    const fresh = memory ?? newIdempotencyKey();
    storage?.setItem(storageKey, fresh);
    memory = fresh;
    return fresh;
  } catch {
    memory ??= newIdempotencyKey();
    return memory;
  }
}
