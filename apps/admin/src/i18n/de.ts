import type { Resources } from "./en";

export const de: Resources = {
  frame: {
    skipToContent: "Zum Inhalt springen",
    home: "qline Admin: Startseite",
    signOut: "Abmelden",
    yourAccount: "{{email}}: Ihr Konto",
    language: "Sprache",
  },
  nav: {
    sections: "Bereiche von {{name}}",
    parents: "Übergeordnete Mandanten",
    overview: "Übersicht",
    board: "Warteschlange",
    analytics: "Auswertungen",
    lines: "Schlangen & Schalter",
    links: "Beitrittslinks & Geräte",
    "ticket-fields": "Ticketfelder",
    tree: "Mandantenbaum",
    settings: "Einstellungen",
    notifications: "Benachrichtigungen",
    members: "Mitglieder",
    devices: "Geräte",
    "api-keys": "API-Schlüssel",
    audit: "Protokoll",
  },
  tenant: {
    couldNotOpen: "Dieser Mandant konnte nicht geöffnet werden",
    notFound: "Mandant nicht gefunden",
    notFoundBody: "Er existiert nicht, oder Sie haben in seinem Baum keine Rolle.",
    suspended: "Dieser Mandant ist gesperrt: seine Kiosks und Seiten sind nicht erreichbar.",
    deletionScheduled:
      "Dieser Mandant wird am {{date}} gelöscht: bis dahin ist er für Personal, Kiosks und Kundschaft nicht erreichbar. Der Eigentümer kann das unter Einstellungen, „Daten & Datenschutz“, abbrechen.",
    notAllowed: "Mit Ihrer Rolle nicht verfügbar",
    notAllowedBody: "Bitten Sie einen Admin oder Eigentümer dieses Mandanten um Zugriff.",
  },
  board: {
    waitingCount_one: "{{count}} wartet",
    waitingCount_other: "{{count}} warten",
  },
  lines: {
    title: "Schlangen & Schalter",
    description: "Jede Schlange hat ihre eigene Nummerierung, Tickettypen, Öffnungszeiten und Schalter.",
  },
  members: {
    title: "Mitglieder",
    description: "Personen mit einer Rolle bei {{name}}. Eine Rolle gilt hier und in jedem untergeordneten Mandanten.",
    pendingInvitations: "Offene Einladungen",
  },
  devices: {
    title: "Geräte",
    description: "Kiosks und Wartezimmer-Anzeigen. Legen Sie eines an und öffnen Sie dann seinen Kopplungslink auf dem Gerät: kein Schlüssel zum Abtippen.",
  },
  settings: {
    title: "Einstellungen",
    descriptionEdit: "Identität, Standort, Branding und die Einstellungen, die dieser Mandant weitergibt.",
    descriptionView: "Sie können diese Einstellungen ansehen; ändern können sie nur Admins und Eigentümer.",
  },
};
