import { useSyncExternalStore } from "react";

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

/** Hash routes (`#/t/<tenantId>/settings`): deep links work on any static host without server rewrites. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: "home" };
  if (parts[0] === "login" && parts.length === 1) return { name: "login" };
  if (parts[0] === "signup" && parts.length === 1) return { name: "signup" };
  if (parts[0] === "account" && parts.length === 1) return { name: "account" };
  // Links from the platform's emails (invitation, password reset): the token is the last part.
  if (parts[0] === "invite" && parts[1] && parts.length === 2) return { name: "invite", token: parts[1] };
  if (parts[0] === "forgot-password" && parts.length === 1) return { name: "forgot-password" };
  if (parts[0] === "reset-password" && parts[1] && parts.length === 2) return { name: "reset-password", token: parts[1] };
  if (parts[0] === "confirm-signup" && parts[1] && parts.length === 2) return { name: "confirm-signup", token: parts[1] };
  if (parts[0] === "t" && parts[1]) {
    const section = (parts[2] ?? "overview") as TenantSection;
    if (section === "board" && parts[3] && parts.length === 4) return { name: "tenant", tenantId: parts[1], section, lineId: parts[3] };
    const tab = parts[3] as NotificationTab | undefined;
    if (section === "notifications" && tab && notificationTabs.includes(tab) && parts.length === 4) return { name: "tenant", tenantId: parts[1], section, tab };
    if (tenantSections.includes(section) && parts.length <= 3) return { name: "tenant", tenantId: parts[1], section };
  }
  return { name: "not-found", path };
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

export function navigate(route: Route | string, options: { replace?: boolean } = {}): void {
  const href = typeof route === "string" ? route : hrefFor(route);
  if (options.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  dispatchEvent(new HashChangeEvent("hashchange"));
}

function subscribe(listener: () => void): () => void {
  addEventListener("hashchange", listener);
  addEventListener("popstate", listener);
  return () => {
    removeEventListener("hashchange", listener);
    removeEventListener("popstate", listener);
  };
}

const currentHash = () => location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, currentHash);
  return parseRoute(hash);
}
