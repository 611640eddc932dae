import { QRCodeSVG } from "qrcode.react";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { shortLink, type PosterBranding } from "../poster";

interface Props {
  url: string;
  /** The line's name, or null for the tenant's poster (a list of its lines). */
  lineName: string | null;
  branding: PosterBranding;
  testId: string;
}

/**
 * An A4 poster (210 × 297 mm, sized in container units so the on-screen preview and the print are the same
 * layout): the tenant's logo, name and colours, what to join, "Scan to join", the QR code and the link to type.
 */
export function JoinPoster({ url, lineName, branding, testId }: Props) {
  const { t } = useTranslation();
  const style = {
    "--poster-primary": branding.primaryColor || "#1f4fd8",
    "--poster-accent": branding.accentColor || "#f5a524",
    fontFamily: branding.fontFamily || undefined,
  } as CSSProperties;
  return (
    <article className="poster" style={style} data-testid={testId} aria-label={t("joinLinks.posterLabel", { name: lineName ?? branding.tenantName })}>
      <header className="poster__brand">
        {branding.logoUrl ? <img src={branding.logoUrl} alt="" className="poster__logo" /> : <span className="poster__logo poster__logo--text">{branding.tenantName.slice(0, 1)}</span>}
        <span className="poster__tenant">{branding.tenantName}</span>
      </header>
      <div className="poster__body">
        <h3 className="poster__line">{lineName ?? t("joinLinks.joinQueue")}</h3>
        <p className="poster__cta">{t("joinLinks.scanToJoin")}</p>
        <div className="poster__qr">
          <QRCodeSVG value={url} size={512} marginSize={2} title={t("joinLinks.qrTitle", { name: lineName ?? branding.tenantName })} />
        </div>
        <p className="poster__link">{shortLink(url)}</p>
        <p className="poster__note">{t("joinLinks.posterNote")}</p>
      </div>
    </article>
  );
}
