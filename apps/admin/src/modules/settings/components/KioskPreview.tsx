import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";

export interface KioskTheme {
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
  fontFamily: string;
}

/** A scaled-down kiosk welcome screen in the tenant's colours, so branding is judged before it is saved. */
export function KioskPreview({ name, theme }: { name: string; theme: KioskTheme }) {
  const { t } = useTranslation();
  const style = {
    "--kiosk-primary": theme.primaryColor || "#1f4fd8",
    "--kiosk-accent": theme.accentColor || "#f5a524",
    fontFamily: theme.fontFamily || undefined,
  } as CSSProperties;
  return (
    <figure className="kiosk-preview" aria-label={t("settings.preview.label")} style={style}>
      <div className="kiosk-preview__screen">
        <header className="kiosk-preview__header">
          {theme.logoUrl ? <img src={theme.logoUrl} alt="" className="kiosk-preview__logo" /> : <span className="kiosk-preview__logo kiosk-preview__logo--text">{name.slice(0, 1)}</span>}
          <span>{name || t("settings.preview.yourVenue")}</span>
        </header>
        <p className="kiosk-preview__prompt">{t("settings.preview.welcome")}</p>
        <div className="kiosk-preview__buttons">
          <span className="kiosk-preview__button">{t("settings.preview.collect")}</span>
          <span className="kiosk-preview__button">{t("settings.preview.returns")}</span>
        </div>
        <p className="kiosk-preview__ticket">
          {t("settings.preview.yourNumber")} <strong>A042</strong>
        </p>
      </div>
      <figcaption className="muted">{t("settings.preview.caption")}</figcaption>
    </figure>
  );
}
