import { useSyncExternalStore } from "react";

/**
 * Public pages, by path (`/t/<slug>/...`, always available) or by host (`<slug>.<VITE_BASE_DOMAIN>/...`).
 * `viaHost` tells links whether to keep the `/t/<slug>` prefix.
 */
export type Route =
  | { name: "landing"; slug: string; viaHost: boolean }
  | { name: "kiosk"; slug: string; viaHost: boolean }
  | { name: "display"; slug: string; viaHost: boolean }
  /** The customer's phone: the lines that take remote joins. */
  | { name: "join"; slug: string; viaHost: boolean }
  /** The customer's phone: the form to join one line. */
  | { name: "joinLine"; slug: string; lineId: string; viaHost: boolean }
  | { name: "ticket"; code: string; slug: string | null; viaHost: boolean }
  /** A device opens its pairing link (`/pair/<token>`, from the admin console's Devices page). */
  | { name: "pair"; token: string; viaHost: boolean }
  | { name: "home" }
  | { name: "notFound" };

export interface Place {
  hostname: string;
  pathname: string;
  search: string;
}

/** `demo-coffee.qline.app` with base domain `qline.app` → `demo-coffee`; the bare or other domains → null. */
export function slugFromHost(hostname: string, baseDomain: string | null): string | null {
  if (!baseDomain) return null;
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (!host.endsWith(`.${baseDomain}`)) return null;
  const label = host.slice(0, -(baseDomain.length + 1));
  if (!label || label.includes(".") || label === "www") return null;
  return label;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(place: Place, baseDomain: string | null): Route {
  const segments = place.pathname.split("/").filter(Boolean).map(decode);
  const hint = new URLSearchParams(place.search).get("t");

  if (segments[0] === "ticket" && segments[1] && segments.length === 2) {
    const hostSlug = slugFromHost(place.hostname, baseDomain);
    return { name: "ticket", code: segments[1], slug: hostSlug ?? hint ?? null, viaHost: hostSlug !== null };
  }
  if (segments[0] === "pair" && segments[1] && segments.length === 2) {
    return { name: "pair", token: segments[1], viaHost: slugFromHost(place.hostname, baseDomain) !== null };
  }
  if (segments[0] === "t" && segments[1]) {
    return tenantPage(segments[1], segments.slice(2), false);
  }
  const hostSlug = slugFromHost(place.hostname, baseDomain);
  if (hostSlug) return tenantPage(hostSlug, segments, true);
  return segments.length === 0 ? { name: "home" } : { name: "notFound" };
}

function tenantPage(slug: string, rest: string[], viaHost: boolean): Route {
  const slugLower = slug.toLowerCase();
  if (rest.length === 0) return { name: "landing", slug: slugLower, viaHost };
  if (rest.length === 1 && rest[0] === "kiosk") return { name: "kiosk", slug: slugLower, viaHost };
  if (rest.length === 1 && rest[0] === "display") return { name: "display", slug: slugLower, viaHost };
  if (rest[0] === "join" && rest.length === 1) return { name: "join", slug: slugLower, viaHost };
  if (rest[0] === "join" && rest.length === 2 && rest[1]) return { name: "joinLine", slug: slugLower, lineId: rest[1], viaHost };
  return { name: "notFound" };
}

/** Path of a tenant page for links: `/t/<slug>/kiosk`, or `/kiosk` on the tenant's own host. */
export function tenantPath(slug: string, viaHost: boolean, page: "" | "kiosk" | "display" | "join"): string {
  const base = viaHost ? "" : `/t/${encodeURIComponent(slug)}`;
  return page ? `${base}/${page}` : base || "/";
}

/** The join form of one line: `/t/<slug>/join/<lineId>`, or `/join/<lineId>` on the tenant's own host. */
export function joinLinePath(slug: string, viaHost: boolean, lineId: string): string {
  return `${tenantPath(slug, viaHost, "join")}/${encodeURIComponent(lineId)}`;
}

/** The customer's page for a ticket; in path mode the slug rides along as a branding hint (`?t=`). */
export function ticketUrl(origin: string, code: string, slug: string, viaHost: boolean): string {
  const path = `/ticket/${encodeURIComponent(code)}`;
  return viaHost ? `${origin}${path}` : `${origin}${path}?t=${encodeURIComponent(slug)}`;
}

// A minimal history router: the public pages have few routes and no nested layouts.
const listeners = new Set<() => void>();
function notify() {
  for (const l of [...listeners]) l();
}
globalThis.addEventListener?.("popstate", notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentHref() {
  return window.location.href;
}

/** `replace`: the new page takes the current entry's place (Back skips it, e.g. a submitted form). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  notify();
}

/** Re-renders on navigation; returns the current href (parse it with parseRoute). */
export function useLocationHref(): string {
  return useSyncExternalStore(subscribe, currentHref, currentHref);
}
