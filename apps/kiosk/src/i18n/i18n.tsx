import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { languages, messages, type Language, type Messages } from "./messages";

const storageKey = "qline.language";

interface I18n {
  language: Language;
  t: Messages;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    if (saved && saved in messages) return saved as Language;
  } catch {
    // storage unavailable: fall through to the browser's language
  }
  const browser = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2).toLowerCase();
  return browser in messages ? (browser as Language) : "en";
}

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initial ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // not remembered; still switched
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, t: messages[language], setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n needs an <I18nProvider>");
  return value;
}

/** Large touch-friendly buttons, one per language, each labelled in its own language. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t.chooseLanguage}>
      {languages.map((l) => (
        <button key={l.code} type="button" lang={l.code} aria-pressed={l.code === language} onClick={() => setLanguage(l.code)}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
