import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { SelectField, TextField } from "../../../ui/Field";
import type { BoardTicket } from "../hooks/use-queue-board";

export function TransferDialog({
  ticket,
  lines,
  onTransfer,
  onClose,
}: {
  ticket: BoardTicket;
  lines: readonly { id: string; name: string; prefix: string }[];
  onTransfer: (lineId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [lineId, setLineId] = useState(lines[0]?.id ?? "");
  return (
    <Dialog
      title={t("board.transfer.title", { number: ticket.number })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("board.transfer.cancel")}</Button>
          <Button variant="primary" disabled={!lineId} onClick={() => onTransfer(lineId)}>
            {t("board.transfer.confirm")}
          </Button>
        </>
      }
    >
      {lines.length === 0 ? (
        <p>{t("board.transfer.noOtherLine")}</p>
      ) : (
        <SelectField
          label={t("board.transfer.toLine")}
          value={lineId}
          onChange={setLineId}
          options={lines.map((l) => ({ value: l.id, label: `${l.prefix} · ${l.name}` }))}
          hint={t("board.transfer.hint")}
        />
      )}
    </Dialog>
  );
}

export function CancelDialog({ ticket, onCancel, onClose }: { ticket: BoardTicket; onCancel: (reason: string | null) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <Dialog
      title={t("board.cancel.title", { number: ticket.number })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("board.cancel.keep")}</Button>
          <Button variant="danger" onClick={() => onCancel(reason.trim() || null)}>
            {t("board.cancel.confirm")}
          </Button>
        </>
      }
    >
      <TextField label={t("board.cancel.reason")} value={reason} onChange={setReason} hint={t("board.cancel.reasonHint")} />
    </Dialog>
  );
}

/** Asks before a no-show: the customer's ticket ends and they may get a "we missed you" message. */
export function NoShowDialog({ ticket, onConfirm, onClose }: { ticket: BoardTicket; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t("board.noShow.title", { number: ticket.number })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("board.noShow.keep")}</Button>
          <Button variant="danger" onClick={onConfirm}>
            {t("board.noShow.confirm")}
          </Button>
        </>
      }
    >
      <p>{t("board.noShow.body")}</p>
    </Dialog>
  );
}
