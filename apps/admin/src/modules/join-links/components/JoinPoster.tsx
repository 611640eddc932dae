import { QRCodeSVG } from "qrcode.react";
import type { CSSProperties } from "react";
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
  const style = {
    "--poster-primary": branding.primaryColor || "#1f4fd8",
    "--poster-accent": branding.accentColor || "#f5a524",
    fontFamily: branding.fontFamily || undefined,
  } as CSSProperties;
  return (
    <article className="poster" style={style} data-testid={testId} aria-label={`Poster: ${lineName ?? branding.tenantName}`}>
      <header className="poster__brand">
        {branding.logoUrl ? <img src={branding.logoUrl} alt="" className="poster__logo" /> : <span className="poster__logo poster__logo--text">{branding.tenantName.slice(0, 1)}</span>}
        <span className="poster__tenant">{branding.tenantName}</span>
      </header>
      <div className="poster__body">
        <h3 className="poster__line">{lineName ?? "Join the queue"}</h3>
        <p className="poster__cta">Scan to join</p>
        <div className="poster__qr">
          <QRCodeSVG value={url} size={512} marginSize={2} title={`QR code to join ${lineName ?? branding.tenantName}`} />
        </div>
        <p className="poster__link">{shortLink(url)}</p>
        <p className="poster__note">Wait wherever you like: your phone shows your place and tells you when it is your turn.</p>
      </div>
    </article>
  );
}
