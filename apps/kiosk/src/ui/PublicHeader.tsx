import type { ReactNode } from "react";
import { LanguageSwitch } from "../i18n/i18n";
import { safeLogoUrl } from "../lib/theme";
import { ConnectionDot } from "./ConnectionDot";

/** Logo (or name), the language buttons and the live indicator; hidden when printing. */
export function PublicHeader({ name, logoUrl, live = false, extra }: { name: string; logoUrl?: string | null; live?: boolean; extra?: ReactNode }) {
  const logo = safeLogoUrl(logoUrl);
  return (
    <header className="public-header no-print">
      <div className="public-header__brand">
        {logo ? <img className="public-header__logo" src={logo} alt="" /> : null}
        <span className="public-header__name">{name}</span>
      </div>
      <div className="public-header__tools">
        {extra}
        {live ? <ConnectionDot /> : null}
        <LanguageSwitch />
      </div>
    </header>
  );
}
