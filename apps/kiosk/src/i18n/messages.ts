/**
 * Every string the public pages show, in every language they speak. Add a language by adding an object of type
 * `Messages`; TypeScript lists what is missing. Functions take the values to put in.
 */
export type Language = "en" | "de";

export const languages: { code: Language; label: string }[] = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch" },
];

const en = {
  languageName: "English",
  chooseLanguage: "Language",
  loading: "Loading…",
  retry: "Try again",
  cannotReach: "We cannot reach the server right now. Please try again in a moment.",
  connection: { online: "Live", connecting: "Connecting…", offline: "Offline — showing the last known state" },

  // Tenant resolution
  noSuchPlaceTitle: "No such place",
  noSuchPlace: (slug: string) => `We could not find “${slug}”. Check the address or ask the staff.`,
  unavailableTitle: "Temporarily unavailable",
  unavailable: (name: string) => `${name} is not taking tickets online at the moment. Please ask the staff.`,
  noTenantTitle: "qline",
  noTenant: "Open the address of a place, like /t/your-place.",
  pageNotFound: "This page does not exist.",

  // Landing
  landingIntro: "Choose what this screen is for.",
  openKiosk: "Ticket kiosk",
  openKioskHint: "Touch screen in the store: customers take a ticket.",
  openDisplay: "Now-serving display",
  openDisplayHint: "TV screen: numbers being called, live.",

  // Device setup
  setupTitle: "Set up this device",
  setupIntro: (name: string) => `Enter the device key created for ${name} in the admin console (API keys). It is stored on this device only.`,
  setupKeyLabel: "Device key",
  setupSave: "Save and start",
  setupRejected: "This key was not accepted for this place. Check it, or create a new one.",
  setupForget: "Forget device key",

  // Kiosk
  kioskWelcome: "Welcome! Take a ticket.",
  chooseLine: "What are you here for?",
  noLines: "No line is taking tickets right now.",
  waitingCount: (n: number) => (n === 1 ? "1 waiting" : `${n} waiting`),
  chooseType: "Choose a service",
  details: "A few details",
  optional: "optional",
  nameLabel: "Your name",
  phoneLabel: "Phone",
  partySizeLabel: "Party size",
  back: "Back",
  startOver: "Start over",
  takeTicket: "Get my ticket",
  issuing: "Issuing…",
  networkRetry: "The connection failed. Tap “Try again” — you will not get two tickets.",
  issueFailed: (message: string) => `Could not issue a ticket: ${message}`,
  lineClosed: "This line is not taking tickets right now.",
  lineFull: "This line is full right now.",
  fixFields: "Please correct the highlighted fields.",
  yourNumber: "Your number",
  inLine: (line: string) => `Line: ${line}`,
  position: (n: number) => (n === 1 ? "You are next" : `Position ${n} in line`),
  estimate: (low: string, high: string) => `Estimated wait: ${low} – ${high}`,
  minutes: (n: number) => (n < 1 ? "under a minute" : n === 1 ? "1 min" : `${n} min`),
  scanToFollow: "Scan to follow your place on your phone",
  print: "Print",
  done: "Done",
  idleReset: "This screen resets after a minute.",

  // Customer page
  ticketNotFoundTitle: "Ticket not found",
  ticketNotFound: "This ticket code is unknown. Check the link on your ticket.",
  status: {
    WAITING: "Waiting",
    CALLED: "Called",
    SERVING: "Being served",
    SERVED: "Served — thank you!",
    CANCELLED: "Cancelled",
    NO_SHOW: "Missed — please ask the staff",
    EXPIRED: "Expired",
  } as Record<string, string>,
  yourTurn: (counter: string | null) => (counter ? `It's your turn — ${counter}` : "It's your turn"),
  yourTurnNotification: (number: string, counter: string | null) => `${number}: it's your turn${counter ? ` — ${counter}` : ""}`,
  aheadOfYou: (n: number) => (n === 0 ? "Nobody is ahead of you." : n === 1 ? "1 person ahead of you" : `${n} people ahead of you`),
  notifyMe: "Notify me when it's my turn",
  notificationsOn: "You will get a notification when it's your turn.",
  keepOpen: "Keep this page open — it updates by itself.",
  cancelTicket: "Cancel my ticket",
  cancelConfirm: "Leave the line? Your place will be given up.",
  cancelYes: "Yes, cancel",
  cancelNo: "Keep my place",
  cancelled: "Your ticket is cancelled.",
  cancelFailed: (message: string) => `Could not cancel: ${message}`,

  // Display
  nowServing: "Now serving",
  counter: "Counter",
  next: "Next",
  nobodyWaiting: "Nobody waiting",
  soundOn: "Tap to turn on sound",
  soundEnabled: "Sound on",
  announcement: (number: string, counter: string | null) => `Number ${number}${counter ? `, please go to ${counter}` : ""}.`,

  // Custom-field validation (client-side, same schema as the server)
  validation: {
    required: "Required",
    type: "Wrong kind of value",
    minimum: (limit: unknown) => `Must be at least ${String(limit)}`,
    maximum: (limit: unknown) => `Must be at most ${String(limit)}`,
    minLength: (limit: unknown) => `At least ${String(limit)} characters`,
    maxLength: (limit: unknown) => `At most ${String(limit)} characters`,
    pattern: "Wrong format",
    format: "Wrong format",
    enum: "Choose one of the options",
  },
};

export type Messages = typeof en;

const de: Messages = {
  languageName: "Deutsch",
  chooseLanguage: "Sprache",
  loading: "Wird geladen…",
  retry: "Erneut versuchen",
  cannotReach: "Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
  connection: { online: "Live", connecting: "Verbinde…", offline: "Offline — letzter bekannter Stand" },

  noSuchPlaceTitle: "Ort nicht gefunden",
  noSuchPlace: (slug) => `„${slug}“ gibt es nicht. Prüfen Sie die Adresse oder fragen Sie das Personal.`,
  unavailableTitle: "Vorübergehend nicht verfügbar",
  unavailable: (name) => `${name} gibt gerade keine Tickets online aus. Bitte fragen Sie das Personal.`,
  noTenantTitle: "qline",
  noTenant: "Öffnen Sie die Adresse eines Ortes, z. B. /t/ihr-ort.",
  pageNotFound: "Diese Seite gibt es nicht.",

  landingIntro: "Wofür ist dieser Bildschirm?",
  openKiosk: "Ticket-Kiosk",
  openKioskHint: "Touchscreen im Laden: Kundinnen und Kunden ziehen ein Ticket.",
  openDisplay: "Aufruf-Anzeige",
  openDisplayHint: "TV-Bildschirm: aufgerufene Nummern, live.",

  setupTitle: "Gerät einrichten",
  setupIntro: (name) => `Geben Sie den Geräteschlüssel ein, der für ${name} in der Verwaltung (API-Schlüssel) erstellt wurde. Er wird nur auf diesem Gerät gespeichert.`,
  setupKeyLabel: "Geräteschlüssel",
  setupSave: "Speichern und starten",
  setupRejected: "Dieser Schlüssel gilt nicht für diesen Ort. Prüfen Sie ihn oder erstellen Sie einen neuen.",
  setupForget: "Geräteschlüssel vergessen",

  kioskWelcome: "Willkommen! Ziehen Sie ein Ticket.",
  chooseLine: "Worum geht es?",
  noLines: "Gerade nimmt keine Warteschlange Tickets an.",
  waitingCount: (n) => (n === 1 ? "1 wartet" : `${n} warten`),
  chooseType: "Leistung wählen",
  details: "Ein paar Angaben",
  optional: "optional",
  nameLabel: "Ihr Name",
  phoneLabel: "Telefon",
  partySizeLabel: "Personen",
  back: "Zurück",
  startOver: "Neu beginnen",
  takeTicket: "Ticket ziehen",
  issuing: "Ticket wird erstellt…",
  networkRetry: "Die Verbindung ist fehlgeschlagen. Tippen Sie auf „Erneut versuchen“ — Sie erhalten kein zweites Ticket.",
  issueFailed: (message) => `Ticket konnte nicht erstellt werden: ${message}`,
  lineClosed: "Diese Warteschlange nimmt gerade keine Tickets an.",
  lineFull: "Diese Warteschlange ist gerade voll.",
  fixFields: "Bitte korrigieren Sie die markierten Felder.",
  yourNumber: "Ihre Nummer",
  inLine: (line) => `Warteschlange: ${line}`,
  position: (n) => (n === 1 ? "Sie sind als Nächstes dran" : `Platz ${n} in der Schlange`),
  estimate: (low, high) => `Geschätzte Wartezeit: ${low} – ${high}`,
  minutes: (n) => (n < 1 ? "unter einer Minute" : `${n} Min.`),
  scanToFollow: "Scannen, um Ihren Platz auf dem Handy zu verfolgen",
  print: "Drucken",
  done: "Fertig",
  idleReset: "Dieser Bildschirm setzt sich nach einer Minute zurück.",

  ticketNotFoundTitle: "Ticket nicht gefunden",
  ticketNotFound: "Dieser Ticket-Code ist unbekannt. Prüfen Sie den Link auf Ihrem Ticket.",
  status: {
    WAITING: "Wartend",
    CALLED: "Aufgerufen",
    SERVING: "Wird bedient",
    SERVED: "Bedient — vielen Dank!",
    CANCELLED: "Storniert",
    NO_SHOW: "Verpasst — bitte fragen Sie das Personal",
    EXPIRED: "Abgelaufen",
  },
  yourTurn: (counter) => (counter ? `Sie sind dran — ${counter}` : "Sie sind dran"),
  yourTurnNotification: (number, counter) => `${number}: Sie sind dran${counter ? ` — ${counter}` : ""}`,
  aheadOfYou: (n) => (n === 0 ? "Niemand ist vor Ihnen." : n === 1 ? "1 Person vor Ihnen" : `${n} Personen vor Ihnen`),
  notifyMe: "Benachrichtigen, wenn ich dran bin",
  notificationsOn: "Sie werden benachrichtigt, wenn Sie dran sind.",
  keepOpen: "Lassen Sie diese Seite offen — sie aktualisiert sich selbst.",
  cancelTicket: "Mein Ticket stornieren",
  cancelConfirm: "Die Schlange verlassen? Ihr Platz geht verloren.",
  cancelYes: "Ja, stornieren",
  cancelNo: "Platz behalten",
  cancelled: "Ihr Ticket ist storniert.",
  cancelFailed: (message) => `Stornieren fehlgeschlagen: ${message}`,

  nowServing: "Jetzt an der Reihe",
  counter: "Schalter",
  next: "Als Nächstes",
  nobodyWaiting: "Niemand wartet",
  soundOn: "Tippen, um den Ton einzuschalten",
  soundEnabled: "Ton an",
  announcement: (number, counter) => `Nummer ${number}${counter ? `, bitte zu ${counter}` : ""}.`,

  validation: {
    required: "Pflichtfeld",
    type: "Ungültiger Wert",
    minimum: (limit) => `Mindestens ${String(limit)}`,
    maximum: (limit) => `Höchstens ${String(limit)}`,
    minLength: (limit) => `Mindestens ${String(limit)} Zeichen`,
    maxLength: (limit) => `Höchstens ${String(limit)} Zeichen`,
    pattern: "Ungültiges Format",
    format: "Ungültiges Format",
    enum: "Bitte eine Option wählen",
  },
};

export const messages: Record<Language, Messages> = { en, de };

/** BCP 47 tag for speech synthesis and `<html lang>`. */
export const speechLanguage: Record<Language, string> = { en: "en-US", de: "de-DE" };
