import type { Permission } from "../lib/permissions";
import type { TenantSection } from "./router";

/** The tenant navigation: each section with the permission its page needs (hidden without it). Its name is `nav.<section>` in the chosen language (i18n/en.ts, de.ts). */
export const sectionNav: { section: TenantSection; permission: Permission }[] = [
  { section: "overview", permission: "tenant:read" },
  { section: "board", permission: "tickets:read" },
  { section: "analytics", permission: "tickets:read" },
  { section: "lines", permission: "lines:read" },
  { section: "links", permission: "lines:read" },
  { section: "ticket-fields", permission: "lines:read" },
  { section: "tree", permission: "tenant:read" },
  { section: "templates", permission: "tenant:read" },
  { section: "settings", permission: "tenant:read" },
  { section: "notifications", permission: "tenant:read" },
  { section: "members", permission: "members:read" },
  { section: "devices", permission: "devices:manage" },
  { section: "api-keys", permission: "apikeys:manage" },
  { section: "audit", permission: "audit:read" },
];
