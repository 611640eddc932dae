import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/format";
import { Button } from "../../../ui/Button";
import { Dialog } from "../../../ui/Dialog";
import { EmptyState } from "../../../ui/states";
import type { DevMessage } from "../hooks/use-dev-mailbox";

/** Messages the embedded dev SMTP server and SMS sink received for this tenant; open one to read it. */
export function DevMailbox({ messages, onRefresh }: { messages: readonly DevMessage[]; onRefresh: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<DevMessage | null>(null);
  return (
    <div className="stack" data-testid="dev-mailbox">
      <div className="form__actions">
        <p className="muted">{t("notifications.mailbox.note")}</p>
        <Button size="sm" onClick={onRefresh} data-testid="dev-mailbox-refresh">
          {t("notifications.mailbox.refresh")}
        </Button>
      </div>
      {messages.length === 0 ? (
        <EmptyState title={t("notifications.mailbox.noneTitle")}>{t("notifications.mailbox.noneBody")}</EmptyState>
      ) : (
        <div className="card card--flush table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("notifications.mailbox.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("notifications.mailbox.received")}</th>
                <th scope="col">{t("notifications.mailbox.kind")}</th>
                <th scope="col">{t("notifications.mailbox.to")}</th>
                <th scope="col">{t("notifications.mailbox.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id} data-testid={`dev-message-${m.kind}`}>
                  <td className="nowrap">{formatDateTime(m.receivedAt)}</td>
                  <td>
                    <span className="badge">{m.kind === "EMAIL" ? t("notifications.mailbox.email") : m.kind}</span>
                  </td>
                  <td className="nowrap">{m.to}</td>
                  <td>
                    <button type="button" className="btn btn--ghost btn--sm" onClick={() => setOpen(m)}>
                      {m.subject ?? (m.body.length > 60 ? `${m.body.slice(0, 60)}…` : m.body)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <Dialog title={open.subject ?? t("notifications.mailbox.messageTo", { kind: open.kind, to: open.to })} onClose={() => setOpen(null)}>
          <dl className="facts">
            <div>
              <dt>{t("notifications.mailbox.to")}</dt>
              <dd>{open.to}</dd>
            </div>
            <div>
              <dt>{t("notifications.mailbox.received")}</dt>
              <dd>{formatDateTime(open.receivedAt)}</dd>
            </div>
          </dl>
          <pre className="message-body" data-testid="dev-message-body">
            {open.body}
          </pre>
        </Dialog>
      )}
    </div>
  );
}
