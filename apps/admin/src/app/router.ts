import type { ReactNode } from "react";
import { createHashRouter, matchRoutes, useLocation, type RouteObject } from "react-router";

type DataRouter = ReturnType<typeof createHashRouter>;

/** Sections of a tenant's pages, in navigation order. */
export const tenantSections = ["overview", "lines", "links", "board", "ticket-fields", "tree", "templates", "settings", "members", "devices", "api-keys", "audit", "analytics", "notifications"] as const;
export type TenantSection = (typeof tenantSections)[number];

/** Tabs of the Notifications section (`#/t/<tenantId>/notifications/templates`); none: the delivery log. */
export const notificationTabs = ["log", "templates", "providers", "mailbox"] as const;
export type NotificationTab = (typeof notificationTabs)[number];

export type Route =
  | { name: "login" }
  | { name: "signup" }
  | { name: "home" }
  | { name: "account" }
  | { name: "invite"; token: string }
  | { name: "forgot-password" }
  | { name: "reset-password"; token: string }
  | { name: "confirm-signup"; token: string }
  | { name: "tenant"; tenantId: string; section: TenantSection; lineId?: string; tab?: NotificationTab }
  | { name: "not-found"; path: string };

/** One route of React Router's table per page; the id names the page, the params fill it in. */
const sectionRoutes: RouteObject[] = tenantSections.map((section) => ({ id: `section:${section}`, path: `t/:tenantId/${section}` }));
const tabRoutes: RouteObject[] = notificationTabs.map((tab) => ({ id: `tab:${tab}`, path: `t/:tenantId/notifications/${tab}` }));

/**
 * The console's pages as React Router routes (hash URLs: `#/t/<tenantId>/settings`; deep links work on any static
 * host without server rewrites). The routes carry no elements: App decides by session what a page shows (signed
 * out, every page but the public ones shows the login form, then opens where it pointed).
 */
export const pageRoutes: RouteObject[] = [
  { id: "home", index: true },
  { id: "login", path: "login" },
  { id: "signup", path: "signup" },
  { id: "account", path: "account" },
  // Links from the platform's emails (invitation, password reset, sign-up): the token is the last part.
  { id: "invite", path: "invite/:token" },
  { id: "forgot-password", path: "forgot-password" },
  { id: "reset-password", path: "reset-password/:token" },
  { id: "confirm-signup", path: "confirm-signup/:token" },
  { id: "tenant", path: "t/:tenantId" },
  ...sectionRoutes,
  { id: "board-line", path: "t/:tenantId/board/:lineId" },
  ...tabRoutes,
  { id: "not-found", path: "*" },
];

/** The page at `path` (`/t/abc/settings`; a leading `#` is ignored), as React Router matches it. */
export function parseRoute(path: string): Route {
  const pathname = path.replace(/^#/, "") || "/";
  const leaf = matchRoutes(pageRoutes, pathname)?.at(-1);
  const id = leaf?.route.id ?? "not-found";
  const params = leaf?.params ?? {};
  const tenantId = params.tenantId ?? "";
  const token = params.token ?? "";
  if (id.startsWith("section:")) return { name: "tenant", tenantId, section: id.slice("section:".length) as TenantSection };
  if (id.startsWith("tab:")) return { name: "tenant", tenantId, section: "notifications", tab: id.slice("tab:".length) as NotificationTab };
  switch (id) {
    case "home":
    case "login":
    case "signup":
    case "account":
    case "forgot-password":
      return { name: id };
    case "invite":
    case "reset-password":
    case "confirm-signup":
      return { name: id, token };
    case "tenant":
      return { name: "tenant", tenantId, section: "overview" };
    case "board-line":
      return { name: "tenant", tenantId, section: "board", lineId: params.lineId ?? "" };
    default:
      return { name: "not-found", path: pathname };
  }
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "login":
      return "#/login";
    case "signup":
      return "#/signup";
    case "home":
      return "#/";
    case "account":
      return "#/account";
    case "invite":
      return `#/invite/${encodeURIComponent(route.token)}`;
    case "forgot-password":
      return "#/forgot-password";
    case "reset-password":
      return `#/reset-password/${encodeURIComponent(route.token)}`;
    case "confirm-signup":
      return `#/confirm-signup/${encodeURIComponent(route.token)}`;
    case "tenant":
      return `#/t/${encodeURIComponent(route.tenantId)}/${route.section}${route.lineId ? `/${encodeURIComponent(route.lineId)}` : ""}${route.tab ? `/${route.tab}` : ""}`;
    case "not-found":
      return `#${route.path}`;
  }
}

export const tenantHref = (tenantId: string, section: TenantSection = "overview") => hrefFor({ name: "tenant", tenantId, section });
export const notificationsHref = (tenantId: string, tab: NotificationTab = "log") => hrefFor({ name: "tenant", tenantId, section: "notifications", tab });
export const boardHref = (tenantId: string, lineId: string) => hrefFor({ name: "tenant", tenantId, section: "board", lineId });

let active: DataRouter | null = null;

/** The app's router: hash history, the page table above under one root element (the app). */
export function createAppRouter(app: ReactNode): DataRouter {
  active = createHashRouter([{ id: "root", element: app, children: pageRoutes }]);
  return active;
}

/** Goes to a page through the app's router. */
export function navigate(route: Route | string, options: { replace?: boolean } = {}): void {
  const href = typeof route === "string" ? route : hrefFor(route);
  const path = href.replace(/^#/, "") || "/";
  if (active) {
    void active.navigate(path, { replace: options.replace ?? false });
    return;
  }
  // No router mounted (a component test renders one page): move the address only, so the test sees where it went.
  if (options.replace) history.replaceState(null, "", `#${path}`);
  else history.pushState(null, "", `#${path}`);
}

/** The current page, re-rendered on every navigation (React Router's location). */
export function useRoute(): Route {
  return parseRoute(useLocation().pathname);
}
