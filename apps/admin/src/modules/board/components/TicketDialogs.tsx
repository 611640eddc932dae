import { useState } from "react";
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
  const [lineId, setLineId] = useState(lines[0]?.id ?? "");
  return (
    <Dialog
      title={`Transfer ${ticket.number}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={!lineId} onClick={() => onTransfer(lineId)}>
            Transfer
          </Button>
        </>
      }
    >
      {lines.length === 0 ? (
        <p>This tenant has no other line to transfer to.</p>
      ) : (
        <SelectField
          label="To line"
          value={lineId}
          onChange={setLineId}
          options={lines.map((l) => ({ value: l.id, label: `${l.prefix} · ${l.name}` }))}
          hint="The customer keeps their number and their place by join time."
        />
      )}
    </Dialog>
  );
}

export function CancelDialog({ ticket, onCancel, onClose }: { ticket: BoardTicket; onCancel: (reason: string | null) => void; onClose: () => void }) {
  const [reason, setReason] = useState("");
  return (
    <Dialog
      title={`Cancel ${ticket.number}?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Keep ticket</Button>
          <Button variant="danger" onClick={() => onCancel(reason.trim() || null)}>
            Cancel ticket
          </Button>
        </>
      }
    >
      <TextField label="Reason" value={reason} onChange={setReason} hint="Optional; kept in the ticket's history." />
    </Dialog>
  );
}

/** Asks before a no-show: the customer's ticket ends and they may get a "we missed you" message. */
export function NoShowDialog({ ticket, onConfirm, onClose }: { ticket: BoardTicket; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={`Mark ${ticket.number} as a no-show?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Keep waiting for them</Button>
          <Button variant="danger" onClick={onConfirm}>
            Mark no-show
          </Button>
        </>
      }
    >
      <p>Their ticket ends and, if they chose messages, they are told they were missed. You can undo this for 5 minutes: they get their place back.</p>
    </Dialog>
  );
}
