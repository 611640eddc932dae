/**
 * The console's languages, with i18next + react-i18next: `t("members.title")`, plurals by `count` (`_one` /
 * `_other` keys, chosen by Intl.PluralRules for the language), values interpolated with `{{name}}`. English is
 * the default whatever the browser says (the e2e journeys read English labels); the language switcher in the
 * top bar changes it and remembers the choice in this browser.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de";
import { en } from "./en";

export const languages = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch" },
] as const;
export type Language = (typeof languages)[number]["code"];

const storageKey = "qline.admin.language";

function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return languages.some((l) => l.code === saved) ? (saved as Language) : "en";
  } catch {
    return "en"; // storage blocked (private mode): English
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: storedLanguage(),
  fallbackLng: "en",
  supportedLngs: languages.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled: ready before the first render
  returnNull: false,
});

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // not remembered; still switched for this visit
  }
  if (typeof document !== "undefined") document.documentElement.lang = language;
}
