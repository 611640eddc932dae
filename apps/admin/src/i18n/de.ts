import type { Resources } from "./shape";
import { de as activity } from "../modules/activity/strings";
import { de as analytics } from "../modules/analytics/strings";
import { de as apiKeys } from "../modules/api-keys/strings";
import { de as audit } from "../modules/audit/strings";
import { de as auth } from "../modules/auth/strings";
import { de as board } from "../modules/board/strings";
import { de as devices } from "../modules/devices/strings";
import { de as extensionSchema } from "../modules/extension-schema/strings";
import { de as joinLinks } from "../modules/join-links/strings";
import { de as lines } from "../modules/lines/strings";
import { de as members } from "../modules/members/strings";
import { de as notifications } from "../modules/notifications/strings";
import { de as platform } from "../modules/platform/strings";
import { de as settings } from "../modules/settings/strings";
import { de as templates } from "../modules/templates/strings";
import { de as tenants } from "../modules/tenants/strings";

export const de: Resources = {
  frame: {
    skipToContent: "Zum Inhalt springen",
    home: "qline Admin: Startseite",
    signOut: "Abmelden",
    yourAccount: "{{email}}: Ihr Konto",
    language: "Sprache",
  },
  common: {
    loading: "Wird geladen…",
    couldNotLoad: "Konnte nicht geladen werden",
    tryAgain: "Erneut versuchen",
    close: "Schließen",
    cancel: "Abbrechen",
    save: "Speichern",
    keepAsIs: "Nichts ändern",
    copy: "Kopieren",
    copied: "Kopiert",
    copiedToClipboard: "In die Zwischenablage kopiert",
    copyFailed: "Kopieren fehlgeschlagen: Markieren Sie den Text und kopieren Sie ihn von Hand",
    undo: "Rückgängig",
    dismiss: "Ausblenden",
    rename: "Umbenennen",
    newNameFor: "Neuer Name für {{label}}",
    enterName: "Geben Sie einen Namen ein",
    timeZonePlaceholder: "Suchen, z. B. Berlin",
    connection: {
      online: "Live",
      connecting: "Verbinde…",
      offline: "Offline",
      onlineDescription: "Live-Aktualisierungen sind an.",
      connectingDescription: "Verbindung für Live-Aktualisierungen wird wiederhergestellt.",
      offlineDescription: "Offline: Live-Aktualisierungen pausieren und laufen von selbst weiter, sobald die Verbindung zurück ist.",
    },
    signingIn: "Sie werden angemeldet…",
    couldNotLoadAccount: "Ihr Konto konnte nicht geladen werden",
    pageNotFound: "Seite nicht gefunden",
    goToYourTenant: "Zu Ihrem Mandanten",
    noTenantsTitle: "Sie haben noch keine Mandanten",
    noTenantsBody: "Bitten Sie eine Kollegin oder einen Kollegen, Sie mit {{email}} zu ihrem Mandanten einzuladen.",
    validation: {
      slugShape: "muss aus 3–40 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen, am Anfang und Ende ein Buchstabe oder eine Ziffer",
      slugHyphens: "darf keine zwei Bindestriche hintereinander enthalten",
      slugReserved: "ist reserviert",
      prefix: "muss aus 1–4 Großbuchstaben oder Ziffern bestehen",
      email: "ist keine E-Mail-Adresse",
      phone: "keine gültige Telefonnummer",
    },
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
    templates: "Kettenvorlagen",
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
  roles: { OWNER: "Eigentümer", ADMIN: "Admin", MANAGER: "Manager", STAFF: "Personal", VIEWER: "Betrachter" },
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
