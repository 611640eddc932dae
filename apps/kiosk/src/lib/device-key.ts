/**
 * The kiosk's device credential: a tenant API key (`qk_..._...`), entered once on the setup screen or passed as
 * `?key=` (demo), kept in localStorage per tenant slug so one browser can serve as kiosk for one place and a
 * display for another without mixing keys. Sent as `Authorization: ApiKey <key>`.
 */
const prefix = "qline.deviceKey.";

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // private mode, disabled storage
  }
}

export function readDeviceKey(slug: string): string | null {
  return storage()?.getItem(prefix + slug) ?? null;
}

export function saveDeviceKey(slug: string, key: string): void {
  storage()?.setItem(prefix + slug, key.trim());
}

export function forgetDeviceKey(slug: string): void {
  storage()?.removeItem(prefix + slug);
}

/** Takes `?key=` from the address (stored, then removed from the visible URL so it is not shared by accident). */
export function adoptKeyFromUrl(slug: string, location: Location = window.location): void {
  const params = new URLSearchParams(location.search);
  const key = params.get("key");
  if (!key) return;
  saveDeviceKey(slug, key);
  params.delete("key");
  const search = params.toString();
  window.history.replaceState(window.history.state, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
}
