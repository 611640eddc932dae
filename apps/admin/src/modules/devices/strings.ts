/**
 * The devices module's strings (keys `devices.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {
  title: "Devices",
  description: "Kiosks and waiting-room displays. Add one, then open its pairing link on the device: no key to type.",
  add: "Add device",
  loading: "Loading devices…",
  noneTitle: "No devices yet",
  noneBody: "Add a kiosk for customers to take tickets, or a display for the waiting room.",
  name: "Name",
  kind: "Kind",
  lines: "Lines",
  lastSeen: "Last seen",
  status: "Status",
  actions: "Actions",
  allLines: "All lines",
  never: "Never",
  edit: "Edit",
  editLabel: "Edit {{name}}",
  newLink: "New pairing link",
  newLinkLabel: "New pairing link for {{name}}",
  revoke: "Revoke",
  revokeLabel: "Revoke {{name}}",
  revoked: "Revoked {{date}}",
  paired: "Paired",
  waiting: "Waiting for pairing",
  notPaired: "Not paired",
};

export const de: Shape<typeof en> = {
  title: "Geräte",
  description: "Kiosks und Wartezimmer-Anzeigen. Legen Sie eines an und öffnen Sie dann seinen Kopplungslink auf dem Gerät: kein Schlüssel zum Abtippen.",
  add: "Gerät hinzufügen",
  loading: "Geräte werden geladen…",
  noneTitle: "Noch keine Geräte",
  noneBody: "Fügen Sie einen Kiosk hinzu, an dem Kunden Tickets ziehen, oder eine Anzeige für das Wartezimmer.",
  name: "Name",
  kind: "Art",
  lines: "Schlangen",
  lastSeen: "Zuletzt gesehen",
  status: "Status",
  actions: "Aktionen",
  allLines: "Alle Schlangen",
  never: "Nie",
  edit: "Bearbeiten",
  editLabel: "{{name}} bearbeiten",
  newLink: "Neuer Kopplungslink",
  newLinkLabel: "Neuer Kopplungslink für {{name}}",
  revoke: "Sperren",
  revokeLabel: "{{name}} sperren",
  revoked: "Gesperrt am {{date}}",
  paired: "Gekoppelt",
  waiting: "Wartet auf Kopplung",
  notPaired: "Nicht gekoppelt",
};
