import { useMemo, type ReactNode } from "react";
import { createBrowserRouter, matchRoutes, useLocation, type RouteObject } from "react-router";

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

/** Pages of a tenant, below `/t/<slug>` (path mode) or at the root of the tenant's own host. */
const tenantPages = (base: string): RouteObject[] => [
  { id: "landing", path: base || "/" },
  { id: "kiosk", path: `${base}/kiosk` },
  { id: "display", path: `${base}/display` },
  { id: "join", path: `${base}/join` },
  { id: "joinLine", path: `${base}/join/:lineId` },
];

const common: RouteObject[] = [
  { id: "ticket", path: "/ticket/:code" },
  { id: "pair", path: "/pair/:token" },
  ...tenantPages("/t/:slug"),
  { id: "notFound", path: "*" },
];
/** On the bare domain: the landing page says how to open a place. */
const pathRoutes: RouteObject[] = [...common, { id: "home", path: "/" }];
/** On a tenant's host (`<slug>.<base domain>`): its pages at the root, `/t/<slug>` still works. */
const hostRoutes: RouteObject[] = [...common, ...tenantPages("")];

/** The page at `place`, as React Router matches the path (against the host's table when the host names a tenant). */
export function parseRoute(place: Place, baseDomain: string | null): Route {
  const hostSlug = slugFromHost(place.hostname, baseDomain);
  const leaf = matchRoutes(hostSlug ? hostRoutes : pathRoutes, place.pathname)?.at(-1);
  const params = leaf?.params ?? {};
  const pathSlug = params.slug?.toLowerCase();
  const slug = pathSlug ?? hostSlug ?? "";
  const viaHost = pathSlug === undefined && hostSlug !== null;
  switch (leaf?.route.id) {
    case "ticket": {
      const hint = new URLSearchParams(place.search).get("t");
      return { name: "ticket", code: params.code ?? "", slug: hostSlug ?? hint ?? null, viaHost: hostSlug !== null };
    }
    case "pair":
      return { name: "pair", token: params.token ?? "", viaHost: hostSlug !== null };
    case "landing":
    case "kiosk":
    case "display":
    case "join":
      return { name: leaf.route.id, slug, viaHost };
    case "joinLine":
      return { name: "joinLine", slug, lineId: params.lineId ?? "", viaHost };
    case "home":
      return { name: "home" };
    default:
      return { name: "notFound" };
  }
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

type DataRouter = ReturnType<typeof createBrowserRouter>;
let active: DataRouter | null = null;

/** The app's router (history API): one route under which App decides the page with parseRoute (it needs the host). */
export function createKioskRouter(app: ReactNode): DataRouter {
  active = createBrowserRouter([{ id: "root", path: "*", element: app }]);
  return active;
}

/** `replace`: the new page takes the current entry's place (Back skips it, e.g. a submitted form). */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (active) {
    void active.navigate(path, { replace });
    return;
  }
  // No router mounted (a component test renders one page): move the address only, so the test sees where it went.
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
}

/** The current place, re-rendered on every navigation (React Router's location; the host from the window). */
export function usePlace(): Place {
  const { pathname, search } = useLocation();
  return useMemo(() => ({ hostname: window.location.hostname, pathname, search }), [pathname, search]);
}
