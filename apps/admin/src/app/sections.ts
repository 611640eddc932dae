import type { Permission } from "../lib/permissions";
import type { TenantSection } from "./router";

/** The tenant navigation: each section with the permission its page needs (hidden without it). `label` is English; the nav shows `nav.<section>` in the chosen language (i18n/). */
export const sectionNav: { section: TenantSection; label: string; permission: Permission }[] = [
  { section: "overview", label: "Overview", permission: "tenant:read" },
  { section: "board", label: "Queue board", permission: "tickets:read" },
  { section: "analytics", label: "Analytics", permission: "tickets:read" },
  { section: "lines", label: "Lines & counters", permission: "lines:read" },
  { section: "links", label: "Join links & devices", permission: "lines:read" },
  { section: "ticket-fields", label: "Ticket fields", permission: "lines:read" },
  { section: "tree", label: "Tenant tree", permission: "tenant:read" },
  { section: "templates", label: "Chain templates", permission: "tenant:read" },
  { section: "settings", label: "Settings", permission: "tenant:read" },
  { section: "notifications", label: "Notifications", permission: "tenant:read" },
  { section: "members", label: "Members", permission: "members:read" },
  { section: "devices", label: "Devices", permission: "devices:manage" },
  { section: "api-keys", label: "API keys", permission: "apikeys:manage" },
  { section: "audit", label: "Audit log", permission: "audit:read" },
];
