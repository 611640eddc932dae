import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { languages, setLanguage, type Language } from "../i18n/i18n";
import { useSignOut } from "../modules/auth/hooks/use-account-actions";
import { useSession } from "../modules/auth/hooks/use-session";
import { TenantSwitcher } from "../modules/tenants/components/TenantSwitcher";
import { Button } from "../ui/Button";
import { ConnectionIndicator } from "../ui/ConnectionIndicator";
import { hrefFor } from "./router";

/** Top bar (brand, switcher, live status, user) around every signed-in page. */
export function AppFrame({ current, children }: { current: { id: string; name: string; accountId: string } | null; children: ReactNode }) {
  const { user } = useSession();
  const { signOut, signingOut } = useSignOut();
  const { t, i18n } = useTranslation();
  return (
    <div className="app">
      {/* Hash routing owns location.hash, so the skip link moves focus itself. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        {t("frame.skipToContent")}
      </a>
      <header className="topbar">
        <a className="brand" href={hrefFor({ name: "home" })} aria-label={t("frame.home")}>
          <span className="brand__mark" aria-hidden="true">
            q
          </span>
          <span aria-hidden="true">line</span>
        </a>
        <TenantSwitcher current={current} />
        <div className="topbar__end">
          <ConnectionIndicator />
          <label className="topbar__language">
            <span className="visually-hidden">{t("frame.language")}</span>
            <select className="input input--compact" value={i18n.resolvedLanguage ?? "en"} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language-switcher">
              {languages.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <a className="topbar__user" href={hrefFor({ name: "account" })} title={t("frame.yourAccount", { email: user.email })}>
            {user.name}
          </a>
          <Button variant="ghost" size="sm" busy={signingOut} onClick={() => void signOut()}>
            {t("frame.signOut")}
          </Button>
        </div>
      </header>
      {children}
    </div>
  );
}
