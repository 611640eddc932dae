import { QRCodeSVG } from "qrcode.react";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { CopyButton } from "../../../ui/CopyButton";
import { Dialog } from "../../../ui/Dialog";
import { Alert } from "../../../ui/states";
import type { PairingLink } from "../hooks/use-devices";

/**
 * The pairing link, shown once: scan the QR code with the device or open the link in its browser. The device
 * exchanges it for its own key; nobody types or sees a key.
 */
export function PairingLinkDialog({ link, onClose }: { link: PairingLink; onClose: () => void }) {
  const kind = link.kind === "KIOSK" ? "kiosk" : "display";
  return (
    <Dialog
      title={`Pair “${link.deviceName}”`}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <p>
        On the {kind}, scan this code or open the link in its browser. It works once, until {formatDateTime(link.expiresAt)}; then the {kind} shows its
        screen by itself.
      </p>
      <div className="join-link">
        <QRCodeSVG value={link.url} size={192} marginSize={2} title={`QR code to pair ${link.deviceName}`} className="join-link__qr" />
        <div className="join-link__text">
          <a href={link.url} target="_blank" rel="noreferrer" className="join-link__url" data-testid="pairing-link">
            {link.url}
          </a>
          <div className="join-link__actions">
            <CopyButton text={link.url} label="Copy link" />
          </div>
        </div>
      </div>
      <Alert tone="info">This link is shown only now. If it expires or gets lost, use “New pairing link” on the device.</Alert>
    </Dialog>
  );
}
