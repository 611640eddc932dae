import type { CSSProperties } from "react";

export interface KioskTheme {
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
  fontFamily: string;
}

/** A scaled-down kiosk welcome screen in the tenant's colours, so branding is judged before it is saved. */
export function KioskPreview({ name, theme }: { name: string; theme: KioskTheme }) {
  const style = {
    "--kiosk-primary": theme.primaryColor || "#1f4fd8",
    "--kiosk-accent": theme.accentColor || "#f5a524",
    fontFamily: theme.fontFamily || undefined,
  } as CSSProperties;
  return (
    <figure className="kiosk-preview" aria-label="Kiosk preview" style={style}>
      <div className="kiosk-preview__screen">
        <header className="kiosk-preview__header">
          {theme.logoUrl ? <img src={theme.logoUrl} alt="" className="kiosk-preview__logo" /> : <span className="kiosk-preview__logo kiosk-preview__logo--text">{name.slice(0, 1)}</span>}
          <span>{name || "Your venue"}</span>
        </header>
        <p className="kiosk-preview__prompt">Welcome! What can we help you with?</p>
        <div className="kiosk-preview__buttons">
          <span className="kiosk-preview__button">Collect an order</span>
          <span className="kiosk-preview__button">Returns</span>
        </div>
        <p className="kiosk-preview__ticket">
          Your number <strong>A042</strong>
        </p>
      </div>
      <figcaption className="muted">Preview: how the kiosk welcome screen looks with these colours.</figcaption>
    </figure>
  );
}
