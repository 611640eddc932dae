/**
 * The console's English strings (the default language). Keys ending in `_one` / `_other` are plural forms chosen
 * by i18next from `count` (Intl.PluralRules); German may need other forms than English (de.ts).
 */
import { en as activity } from "../modules/activity/strings";
import { en as analytics } from "../modules/analytics/strings";
import { en as apiKeys } from "../modules/api-keys/strings";
import { en as audit } from "../modules/audit/strings";
import { en as auth } from "../modules/auth/strings";
import { en as board } from "../modules/board/strings";
import { en as devices } from "../modules/devices/strings";
import { en as extensionSchema } from "../modules/extension-schema/strings";
import { en as joinLinks } from "../modules/join-links/strings";
import { en as lines } from "../modules/lines/strings";
import { en as members } from "../modules/members/strings";
import { en as notifications } from "../modules/notifications/strings";
import { en as platform } from "../modules/platform/strings";
import { en as settings } from "../modules/settings/strings";
import { en as templates } from "../modules/templates/strings";
import { en as tenants } from "../modules/tenants/strings";
import { messages } from "@qline/validation";

export const en = {
  frame: {
    skipToContent: "Skip to content",
    home: "qline admin home",
    signOut: "Sign out",
    yourAccount: "{{email}}: your account",
    language: "Language",
  },
  common: {
    loading: "Loading…",
    couldNotLoad: "Could not load this",
    tryAgain: "Try again",
    close: "Close",
    cancel: "Cancel",
    save: "Save",
    keepAsIs: "Keep as is",
    copy: "Copy",
    copied: "Copied",
    copiedToClipboard: "Copied to clipboard",
    copyFailed: "Copy failed: select the text and copy it by hand",
    undo: "Undo",
    dismiss: "Dismiss",
    rename: "Rename",
    newNameFor: "New name for {{label}}",
    enterName: "Enter a name",
    timeZonePlaceholder: "Search, e.g. Berlin",
    connection: {
      online: "Live",
      connecting: "Connecting…",
      offline: "Offline",
      onlineDescription: "Live updates are on.",
      connectingDescription: "Reconnecting for live updates.",
      offlineDescription: "Offline: live updates paused, they resume by themselves when the connection returns.",
    },
    signingIn: "Signing you in…",
    couldNotLoadAccount: "Could not load your account",
    pageNotFound: "Page not found",
    goToYourTenant: "Go to your tenant",
    noTenantsTitle: "You have no tenants yet",
    noTenantsBody: "Ask a colleague to invite you to their tenant at {{email}}.",
    /** The shared schemas' messages (@qline/validation), as the API and the forms' checks give them. */
    validation: { ...messages },
  },
  nav: {
    sections: "{{name}} sections",
    parents: "Parent tenants",
    overview: "Overview",
    board: "Queue board",
    analytics: "Analytics",
    lines: "Lines & counters",
    links: "Join links & devices",
    "ticket-fields": "Ticket fields",
    tree: "Tenant tree",
    templates: "Chain templates",
    settings: "Settings",
    notifications: "Notifications",
    members: "Members",
    devices: "Devices",
    "api-keys": "API keys",
    audit: "Audit log",
  },
  tenant: {
    couldNotOpen: "Could not open this tenant",
    notFound: "Tenant not found",
    notFoundBody: "It does not exist or you hold no role in its tree.",
    suspended: "This tenant is suspended: its kiosks and pages are unavailable.",
    deletionScheduled:
      "This tenant is scheduled for deletion on {{date}}: it is unavailable to staff, kiosks and customers until then. Its owner can cancel in Settings, “Data & privacy”.",
    notAllowed: "Not available with your role",
    notAllowedBody: "Ask an Admin or Owner of this tenant for access.",
  },
  roles: { OWNER: "Owner", ADMIN: "Admin", MANAGER: "Manager", STAFF: "Staff", VIEWER: "Viewer" },
  activity,
  analytics,
  apiKeys,
  audit,
  auth,
  board,
  devices,
  extensionSchema,
  joinLinks,
  lines,
  members,
  notifications,
  platform,
  settings,
  templates,
  tenants,
};

export type { Resources } from "./shape";
