import { QRCodeSVG } from "qrcode.react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { CopyButton } from "../../../ui/CopyButton";
import { Dialog } from "../../../ui/Dialog";
import { Alert } from "../../../ui/states";
import { formatDateTime } from "../../../lib/format";
import type { PairingLink } from "../hooks/use-devices";

/**
 * The pairing link, shown once: scan the QR code with the device or open the link in its browser. The device
 * exchanges it for its own key; nobody types or sees a key.
 */
export function PairingLinkDialog({ link, onClose }: { link: PairingLink; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t("devices.pairing.title", { name: link.deviceName })}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t("devices.pairing.done")}
        </Button>
      }
    >
      <p>{t(link.kind === "KIOSK" ? "devices.pairing.instructionsKiosk" : "devices.pairing.instructionsDisplay", { date: formatDateTime(link.expiresAt) })}</p>
      <div className="join-link">
        <QRCodeSVG value={link.url} size={192} marginSize={2} title={t("devices.pairing.qr", { name: link.deviceName })} className="join-link__qr" />
        <div className="join-link__text">
          <a href={link.url} target="_blank" rel="noreferrer" className="join-link__url" data-testid="pairing-link">
            {link.url}
          </a>
          <div className="join-link__actions">
            <CopyButton text={link.url} label={t("devices.pairing.copy")} />
          </div>
        </div>
      </div>
      <Alert tone="info">{t("devices.pairing.shownOnce")}</Alert>
    </Dialog>
  );
}
