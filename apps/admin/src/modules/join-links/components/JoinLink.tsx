import { QRCodeSVG } from "qrcode.react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { CopyButton } from "../../../ui/CopyButton";

interface Props {
  url: string;
  /** What the link joins, for the QR code's and the buttons' accessible names ("Pharmacy"). */
  label: string;
  /** data-testid of the link: `join-link-<prefix>` for a line, `join-link-tenant` for the tenant's list of lines. */
  testId: string;
  onPoster: () => void;
  qrSize?: number;
}

/** A join link as staff share it: the QR code to scan, the link to open or copy, and the printable poster. */
export function JoinLink({ url, label, testId, onPoster, qrSize = 112 }: Props) {
  const { t } = useTranslation();
  return (
    <div className="join-link">
      <QRCodeSVG value={url} size={qrSize} marginSize={2} title={t("joinLinks.qrTitle", { name: label })} className="join-link__qr" />
      <div className="join-link__text">
        <a href={url} target="_blank" rel="noreferrer" className="join-link__url" data-testid={testId}>
          {url}
        </a>
        <div className="join-link__actions">
          <CopyButton text={url} label={t("joinLinks.copyLink")} />
          <Button size="sm" onClick={onPoster} aria-label={t("joinLinks.posterFor", { name: label })}>
            {t("joinLinks.poster")}
          </Button>
        </div>
      </div>
    </div>
  );
}
