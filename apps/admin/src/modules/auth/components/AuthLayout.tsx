import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { languages, setLanguage, type Language } from "../../../i18n/i18n";

/**
 * The pages before sign-in (the signed-in frame's language switcher is not there yet): the card, and a choice of
 * language above it, remembered like the switcher's.
 */
export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="switcher" style={{ justifyContent: "space-between" }}>
          <div className="brand brand--large" aria-hidden="true">
            <span className="brand__mark">q</span>line
          </div>
          <label className="switcher__item">
            <span className="visually-hidden">{t("auth.language")}</span>
            <select className="input input--compact" value={i18n.resolvedLanguage ?? "en"} onChange={(e) => setLanguage(e.target.value as Language /* the options are `languages` */)}>
              {languages.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <h1 className="auth__title">{title}</h1>
        {children}
        <p className="auth__footer">{footer}</p>
      </div>
    </main>
  );
}
