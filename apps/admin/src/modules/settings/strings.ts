/**
 * The settings module's strings (keys `settings.…`), English and German. `_one` / `_other` keys are plural forms chosen
 * by i18next from `count`; German gets every key English has (TypeScript lists what is missing).
 */
import type { Shape } from "../../i18n/shape";

export const en = {
  title: "Settings",
  descriptionEdit: "Identity, location, branding and the settings this tenant passes down.",
  descriptionView: "You can view these settings; changing them needs an Admin or Owner role.",
};

export const de: Shape<typeof en> = {
  title: "Einstellungen",
  descriptionEdit: "Identität, Standort, Branding und die Einstellungen, die dieser Mandant weitergibt.",
  descriptionView: "Sie können diese Einstellungen ansehen; ändern können sie nur Admins und Eigentümer.",
};
