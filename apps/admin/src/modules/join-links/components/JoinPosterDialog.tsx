import { useEffect } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import type { PosterBranding } from "../poster";
import { JoinPoster } from "./JoinPoster";

interface Props {
  url: string;
  lineName: string | null;
  branding: PosterBranding;
  testId: string;
  onClose: () => void;
}

/**
 * The poster's preview with a Print button. The dialog is rendered straight into <body> and marks the body while
 * open, so the print style sheet (`@media print`, `@page { size: A4 }`) can hide the app and print the poster alone.
 */
export function JoinPosterDialog({ url, lineName, branding, testId, onClose }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.body.classList.add("printing-poster");
    return () => document.body.classList.remove("printing-poster");
  }, []);

  return createPortal(
    <Dialog
      title={t("joinLinks.posterTitle", { name: lineName ?? t("joinLinks.posterAllLines") })}
      onClose={onClose}
      className="poster-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t("joinLinks.done")}</Button>
          <Button variant="primary" onClick={() => window.print()}>
            {t("joinLinks.print")}
          </Button>
        </>
      }
    >
      <p className="muted poster-dialog__note">{t("joinLinks.printNote")}</p>
      <JoinPoster url={url} lineName={lineName} branding={branding} testId={testId} />
    </Dialog>,
    document.body,
  );
}
