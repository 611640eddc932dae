/**
 * The console's English strings (the default language). Keys ending in `_one` / `_other` are plural forms chosen
 * by i18next from `count` (Intl.PluralRules); German may need other forms than English (de.ts).
 */
export const en = {
  frame: {
    skipToContent: "Skip to content",
    home: "qline admin home",
    signOut: "Sign out",
    yourAccount: "{{email}}: your account",
    language: "Language",
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
  board: {
    waitingCount_one: "{{count}} waiting",
    waitingCount_other: "{{count}} waiting",
  },
  lines: {
    title: "Lines & counters",
    description: "Each line is a queue with its own numbering, ticket types, hours and counters.",
  },
  members: {
    title: "Members",
    description: "People with a role on {{name}}. A role applies here and to every subtenant below.",
    pendingInvitations: "Pending invitations",
    loading: "Loading members…",
    noneTitle: "No members hold a role directly here",
    noneBody: "People with a role on a parent tenant still have access.",
    count_one: "{{count}} person holds a role directly here.",
    count_other: "{{count}} people hold a role directly here.",
    name: "Name",
    email: "Email",
    role: "Role",
    status: "Status",
    actions: "Actions",
    you: " (you)",
    roleOf: "Role of {{name}}",
    remove: "Remove",
    removeTitle: "Remove {{name}}?",
    removeConfirm: "Remove member",
    removeBody: "{{name}} loses their role on {{tenant}} and its subtenants. Roles they hold elsewhere stay.",
    cancel: "Cancel",
    expired: "Expired",
    sentUntil: "Sent, works until {{date}}",
    resend: "Resend",
    resendLabel: "Resend the invitation to {{email}}",
    resent: "Sent a new link to {{email}}; the previous one no longer works.",
    revoke: "Revoke",
    revokeLabel: "Revoke the invitation to {{email}}",
    revoked: "The invitation to {{email}} is withdrawn.",
    inviteForm: "Invite a member",
    inviteHint: "We email them a link; they join when they accept (with a login of theirs or a new one).",
    invite: "Send invitation",
    invited: "Invitation sent to {{email}}. They join when they accept it.",
  },
  roles: { OWNER: "Owner", ADMIN: "Admin", MANAGER: "Manager", STAFF: "Staff", VIEWER: "Viewer" },
  devices: {
    title: "Devices",
    description: "Kiosks and waiting-room displays. Add one, then open its pairing link on the device: no key to type.",
  },
  settings: {
    title: "Settings",
    descriptionEdit: "Identity, location, branding and the settings this tenant passes down.",
    descriptionView: "You can view these settings; changing them needs an Admin or Owner role.",
  },
};

/** Every language has every key of English (TypeScript lists what a translation misses). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Resources = Shape<typeof en>;
